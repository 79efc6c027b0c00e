import Foundation

/// A realistic demo queue: Swedish, Finnish and English customers, repeat customers with history,
/// ages from minutes to days, some escalated, some with follow-ups due and overdue.
/// Produces timed commands; the caller performs them through the service so they are journaled
/// like any other action.
public struct DemoQueue: Sendable {
    public struct Step: Sendable {
        public var at: Date
        public var actor: String
        public var command: Command
        /// Which demo case this step belongs to; the opening step of each case comes first.
        /// Commands carry an empty case id, filled in by `command(for:)` once the case exists.
        public var caseRef: Int

        public var opensCase: Bool {
            if case let .receive(m) = command { return m.appendTo == nil }
            return false
        }

        /// The command aimed at the real id of its demo case.
        public func command(for caseID: CaseID) -> Command { command.aimed(at: caseID) }
    }

    public var count: Int
    public var seed: UInt64
    public var agents = ["alice", "bob", "chen", "dana"]

    public init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }

    struct Person { let name: String; let email: String; let language: String }

    /// Steps in time order. Cases are numbered in opening order, so step `caseRef` n refers to the
    /// n-th case opened by this demo.
    public func steps(now: Date) -> [Step] {
        var rng = SeededRandom(seed: seed)
        let people = makePeople(count: max(8, count * 3 / 5), rng: &rng)
        var steps: [Step] = []
        steps.reserveCapacity(count * 5)
        for n in 0..<count {
            // Most cases are recent; a long tail reaches back up to two weeks. The newest demo
            // cases arrive last so case numbers grow with time.
            let fraction = Double(count - n) / Double(max(count, 1))
            let ageSeconds = 300 + pow(fraction, 3) * 14 * 86400 + Double(rng.next() % 600)
            let opened = now.addingTimeInterval(-ageSeconds)
            // A third of people come back: pick from the first part of the pool more often.
            let person = people[Int(rng.next() % UInt64(rng.next() % 3 == 0 ? max(1, people.count / 4) : people.count))]
            let lang = Language(code: person.language)
            let topic = Self.topics[Int(rng.next() % UInt64(Self.topics.count))]
            let priority: Priority = [.low, .normal, .normal, .normal, .high, .high, .urgent][Int(rng.next() % 7)]
            let channel: Channel = [.email, .email, .chat, .phone][Int(rng.next() % 4)]
            steps.append(Step(at: opened, actor: "intake", command: .receive(IncomingMessage(
                customerName: person.name, customerEmail: person.email, language: person.language,
                subject: topic.subject(lang), body: topic.body(lang), channel: channel, receivedAt: opened,
                priority: priority)), caseRef: n))
            let agent = agents[Int(rng.next() % UInt64(agents.count))]
            var t = opened
            func later(_ maxSeconds: Double) -> Date {
                t = min(now.addingTimeInterval(-30), t.addingTimeInterval(60 + Double(rng.next() % UInt64(max(60, maxSeconds)))))
                return t
            }
            let roll = rng.next() % 100
            let caseRef = n
            // A healthy queue: anything older than a day has been worked (a few stragglers
            // breach their SLA); the last few hours mostly wait for a first answer.
            let worked = ageSeconds > 86400 ? roll < 99 : (ageSeconds > 3 * 3600 ? roll < 70 : roll < 15)
            if worked {
                steps.append(Step(at: later(3600), actor: agent, command: .assign("", agent: agent), caseRef: caseRef))
                steps.append(Step(at: later(1800), actor: agent, command: .reply("", body: topic.reply(lang, person.name)), caseRef: caseRef))
                // Old cases are mostly closed; only recent ones have a customer writing back.
                let fate = ageSeconds > 2 * 86400 ? 2 + rng.next() % 8 : rng.next() % 10
                if fate < 2 {
                    steps.append(Step(at: later(7200), actor: "intake", command: .receive(IncomingMessage(
                        customerName: person.name, customerEmail: person.email, language: person.language,
                        subject: "", body: topic.followUp(lang), channel: channel, receivedAt: t, appendTo: "")), caseRef: caseRef))
                } else if fate < 8 {
                    steps.append(Step(at: later(3600), actor: agent, command: .solve(""), caseRef: caseRef))
                } else {
                    steps.append(Step(at: later(600), actor: agent, command: .note("", body: topic.note), caseRef: caseRef))
                }
            }
            if roll % 11 == 0 {
                let level: EscalationLevel = roll % 2 == 0 ? .tier2 : .supervisor
                steps.append(Step(at: later(1200), actor: agent, command: .escalate("", level: level, reason: topic.escalationReason), caseRef: caseRef))
            }
            if roll % 7 == 0 {
                // Some due soon, some already overdue.
                let due = now.addingTimeInterval(Double(Int(rng.next() % 20) - 8) * 3600 + 900)
                steps.append(Step(at: later(600), actor: agent, command: .scheduleFollowUp("", due: due, note: topic.followUpNote), caseRef: caseRef))
            }
            if roll % 13 == 0 {
                steps.append(Step(at: later(600), actor: agent, command: .apologise("", kind: .delay), caseRef: caseRef))
            }
        }
        // Stable order by time; a case's opening always precedes its later steps.
        return steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    func makePeople(count: Int, rng: inout SeededRandom) -> [Person] {
        (0..<count).map { i in
            let lang = ["sv", "fi", "en", "en", "sv"][Int(rng.next() % 5)]
            let (firsts, lasts) = Self.names[lang]!
            let first = firsts[Int(rng.next() % UInt64(firsts.count))]
            let last = lasts[Int(rng.next() % UInt64(lasts.count))]
            let mail = "\(Self.ascii(first)).\(Self.ascii(last))\(i)@example.\(lang == "en" ? "com" : lang)".lowercased()
            return Person(name: "\(first) \(last)", email: mail, language: lang)
        }
    }

    static func ascii(_ s: String) -> String {
        s.folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter && $0.isASCII }
    }

    static let names: [String: ([String], [String])] = [
        "sv": (["Åsa", "Björn", "Märta", "Örjan", "Linnea", "Håkan", "Sofia", "Erik", "Ingrid", "Göran"],
               ["Lindqvist", "Åberg", "Söderström", "Nyström", "Ek", "Björklund", "Holm", "Sjöberg"]),
        "fi": (["Aino", "Jyrki", "Päivi", "Väinö", "Eeva", "Mikko", "Sanna", "Jääskeläinen"],
               ["Virtanen", "Mäkinen", "Häkkinen", "Korhonen", "Nieminen", "Järvinen", "Lahtinen"]),
        "en": (["Oliver", "Amelia", "Priya", "James", "Chloe", "Kwame", "Mei", "Liam", "Sarah", "Tom"],
               ["Smith", "O'Brien", "Patel", "Jones", "Nakamura", "Brown", "Okafor", "Taylor"]),
    ]

    struct Topic: Sendable {
        let subjects: [Language: String]
        let bodies: [Language: String]
        let escalationReason: String
        let followUpNote: String
        let note: String

        func subject(_ l: Language) -> String { subjects[l] ?? subjects[.en]! }
        func body(_ l: Language) -> String { bodies[l] ?? bodies[.en]! }
        func reply(_ l: Language, _ name: String) -> String {
            let first = name.split(separator: " ").first.map(String.init) ?? name
            switch l {
            case .sv: return "Hej \(first),\n\ntack för ditt meddelande. Jag tittar på det här nu och återkommer i dag.\n\nVänliga hälsningar"
            case .fi: return "Hei \(first),\n\nkiitos viestistäsi. Selvitän asiaa ja palaan tänään.\n\nYstävällisin terveisin"
            case .en: return "Hi \(first),\n\nthanks for getting in touch. I am looking into this now and will get back to you today.\n\nKind regards"
            }
        }
        func followUp(_ l: Language) -> String {
            switch l {
            case .sv: return "Hej igen, har ni hunnit titta på det? Det är fortfarande inte löst."
            case .fi: return "Hei taas, onko asiaan jo löytynyt ratkaisua? Ongelma jatkuu edelleen."
            case .en: return "Hello again, any news on this? It is still not sorted."
            }
        }
    }

    static let topics: [Topic] = [
        Topic(subjects: [.en: "TV smells of burning", .sv: "TV:n luktar bränt", .fi: "Televisio haisee palaneelta"],
              bodies: [.en: "My new TV smells of burning and makes a clicking noise when I switch it on.",
                       .sv: "Min nya TV luktar bränt och låter konstigt när jag slår på den.",
                       .fi: "Uusi televisioni haisee palaneelta ja naksuu, kun käynnistän sen."],
              escalationReason: "possible fire hazard, needs product safety", followUpNote: "call back about replacement unit",
              note: "called, no answer; left voicemail"),
        Topic(subjects: [.en: "Refund for order 5512", .sv: "Återbetalning för order 5512", .fi: "Hyvitys tilauksesta 5512"],
              bodies: [.en: "I returned order 5512 three weeks ago and still have not had my refund.",
                       .sv: "Jag returnerade order 5512 för tre veckor sedan och har fortfarande inte fått pengarna tillbaka.",
                       .fi: "Palautin tilauksen 5512 kolme viikkoa sitten, eikä hyvitystä ole vieläkään tullut."],
              escalationReason: "refund over my limit", followUpNote: "check refund has been paid",
              note: "return received at warehouse 14 Nov"),
        Topic(subjects: [.en: "Missing coupon", .sv: "Rabattkoden saknas", .fi: "Alennuskoodi puuttuu"],
              bodies: [.en: "The 20% coupon from your newsletter was not applied at checkout.",
                       .sv: "Rabattkoden på 20 % från nyhetsbrevet drogs inte av i kassan.",
                       .fi: "Uutiskirjeen 20 %:n alennuskoodia ei huomioitu kassalla."],
              escalationReason: "coupon system fault, several customers", followUpNote: "confirm credit note sent",
              note: "coupon NEWS20 expired a day early — known bug"),
        Topic(subjects: [.en: "Delivery late", .sv: "Leveransen är försenad", .fi: "Toimitus myöhässä"],
              bodies: [.en: "My parcel was due on Monday and tracking has not moved for four days.",
                       .sv: "Paketet skulle komma i måndags och spårningen har stått still i fyra dagar.",
                       .fi: "Paketin piti tulla maanantaina, eikä seuranta ole päivittynyt neljään päivään."],
              escalationReason: "carrier lost parcel, needs claim", followUpNote: "check tracking with carrier",
              note: "carrier says parcel in sorting hub"),
        Topic(subjects: [.en: "Cannot log in", .sv: "Kan inte logga in", .fi: "En pääse kirjautumaan"],
              bodies: [.en: "The password reset mail never arrives, so I cannot get into my account.",
                       .sv: "Mejlet för att återställa lösenordet kommer aldrig, så jag kommer inte in på mitt konto.",
                       .fi: "Salasanan palautusviesti ei koskaan saavu, joten en pääse tililleni."],
              escalationReason: "account locked by fraud check", followUpNote: "verify customer can log in",
              note: "reset mail bounced: mailbox full"),
        Topic(subjects: [.en: "Wrong size sent", .sv: "Fel storlek skickad", .fi: "Väärä koko lähetetty"],
              bodies: [.en: "I ordered the jacket in M and received an XL.",
                       .sv: "Jag beställde jackan i M och fick en XL.",
                       .fi: "Tilasin takin koossa M ja sain XL:n."],
              escalationReason: "exchange out of stock, needs supervisor decision", followUpNote: "send exchange label",
              note: "M back in stock on the 28th"),
    ]
}

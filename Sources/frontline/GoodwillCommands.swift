import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

// Goodwill from a script: the same decisions as `$`, `y` and `d` in the console.

struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Make it right with a discount, coupon, refund, credit, replacement or free shipping.",
        discussion: "Within your authority ([authority] in config.toml) it takes effect at once and prints the sentence for the reply, in the customer's language. Beyond it, it becomes a request the supervisors answer (frontline approvals).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "discount, coupon, refund, credit, replacement or free_shipping.") var kind: String
    @Argument(help: "15% for a discount or coupon; an amount (125.50, \"EUR 12.50\") for a refund or credit; what is sent for a replacement.")
    var value: String?
    @Option(help: "Why (required; the supervisors see it).") var reason: String

    func run() throws {
        let w = Words.commandLine, l = UILanguage.current
        guard let kind = OfferKind(name: kind) else {
            throw CleanExit.failure(w.notAKind(l, ["kind": self.kind, "kinds": OfferKind.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        let config = try global.loadConfig()
        let templates = try global.loadTemplates()
        let offered: OfferValue
        if kind.measure == .none {
            guard value == nil else { throw CleanExit.failure(w.noValueForShipping(l)) }
            offered = .none
        } else {
            guard let value, let v = OfferValue.parse(value, kind: kind, currency: config.authority.currency) else {
                throw CleanExit.failure((kind.measure == .percent ? w.givePercent : kind.measure == .money ? w.giveAmount : w.giveItem)(l, ["kind": kind.label(in: l)]))
            }
            offered = v
        }
        try performAction(global, .offer(caseID, kind: kind, value: offered, reason: reason), owner: "frontline offer") { events, desk in
            for e in events {
                switch e.change {
                case let .offerGiven(offer):
                    guard let c = desk.cases[e.caseID], let k = desk.customer(of: c) else { break }
                    let text = templates.offerText(offer, on: c, customer: k, agent: e.actor, timeZone: .current)
                    let code = offer.coupon.map { ActivityWords.shared.code(l, ["code": $0.code]) } ?? ""
                    return w.offerGiven(l, ["case": e.caseID, "offer": offer.said(in: l), "code": code]) + "\n\(text.sanitisedForTerminal)"
                case let .offerRequested(offer):
                    let due = offer.approval.map { ISOTime.format($0.due) } ?? ""
                    return w.offerAsked(l, ["case": e.caseID, "request": Offer.requestName(e.caseID, offer.id), "due": due, "over": offer.approval?.over ?? ""])
                default: continue
                }
            }
            return w.nothingChanged(l, ["case": caseID])
        }
    }
}

struct ApprovalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approvals", abstract: "List the offers waiting for a supervisor's answer, the one due first first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "JSON instead of text.") var json = false

    func run() throws {
        let store = try global.openService(owner: "frontline approvals")
        let desk = store.desk
        store.close()
        let now = Date()
        let waiting = desk.offersAwaitingApproval
        if json {
            struct Row: Encodable {
                let request: String, `case`: String, customer: String, kind: String, value: OfferValue, by: String
                let reason: String, over: String, asked_at: Date, due: Date, overdue: Bool
            }
            let rows = waiting.compactMap { id, o -> Row? in
                guard let a = o.approval, let c = desk.cases[id] else { return nil }
                return Row(request: Offer.requestName(id, o.id), case: id, customer: desk.customer(of: c)?.name ?? "", kind: o.kind.rawValue,
                           value: o.value, by: o.by, reason: o.reason, over: a.over, asked_at: o.at, due: a.due, overdue: a.due <= now)
            }
            print(String(decoding: try ExportDocument.encoder().encode(rows), as: UTF8.self))
            return
        }
        let w = Words.commandLine, l = UILanguage.current
        print(w.approvalsWaiting(l, ["n": "\(waiting.count)"]))
        for (id, o) in waiting {
            guard let a = o.approval else { continue }
            let customer = desk.cases[id].flatMap { desk.customer(of: $0)?.name } ?? ""
            let due = a.due <= now ? Words.goodwill.overdue(l, ["late": AgeFormat.compact(now.timeIntervalSince(a.due))]) : w.dueIn(l, ["left": AgeFormat.compact(a.due.timeIntervalSince(now))])
            let cols = [DisplayWidth.pad(Offer.requestName(id, o.id), toWidth: 10), DisplayWidth.pad(TextSanitiser.singleLine(o.said(in: l)), toWidth: 24),
                        DisplayWidth.pad(TextSanitiser.singleLine(o.by), toWidth: 8), DisplayWidth.pad(TextSanitiser.singleLine(customer), toWidth: 20), due]
            print(cols.joined(separator: " "))
            print(w.why(l, ["reason": TextSanitiser.singleLine(o.reason), "over": TextSanitiser.singleLine(a.over)]))
        }
    }
}

/// "C-1042/2": the case and the offer's number on it.
func parseRequestName(_ text: String) throws -> (CaseID, Int) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let n = Int(parts[1]), n > 0 else {
        throw CleanExit.failure(Words.commandLine.requestName(UILanguage.current, ["text": text]))
    }
    return (String(parts[0]), n)
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a request for an offer (supervisors; not your own).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The request, CASE/N (frontline approvals lists them).") var request: String
    @Option(help: "A note for the agent.") var note: String?

    func run() throws {
        let (id, n) = try parseRequestName(request)
        try performAction(global, .answerOffer(id, offer: n, approve: true, note: note), owner: "frontline approve") { events, desk in
            let offer = desk.cases[id]?.offers.first { $0.id == n }, w = Words.commandLine, l = UILanguage.current
            return w.approved(l, ["request": request, "offer": offer?.said(in: l) ?? "", "code": offer?.coupon.map { ActivityWords.shared.code(l, ["code": $0.code]) } ?? "",
                                  "agent": offer?.by ?? w.theAgent(l)])
        }
    }
}

struct DeclineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decline", abstract: "Decline a request for an offer, saying why (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The request, CASE/N.") var request: String
    @Option(help: "Why (required: the agent reads it).") var reason: String

    func run() throws {
        let (id, n) = try parseRequestName(request)
        try performAction(global, .answerOffer(id, offer: n, approve: false, note: reason), owner: "frontline decline") { _ in Words.commandLine.declined(UILanguage.current, ["request": request]) }
    }
}

struct MakeItRightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-it-right", abstract: "Make it right in one step: an apology, thanks, the goodwill you may still give, and a check-in.",
        discussion: "Records the apology, gives [authority] make_it_right (cut down to your room with this customer; none when it is used up) and sets a follow-up after check_after to check the remedy worked. Prints the reply in the customer's language.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "What to apologise for: delay, faulty, mistake or experience.") var kind: ApologyKind = .experience

    func run() throws {
        let templates = try global.loadTemplates()
        try performAction(global, .makeItRight(caseID, apology: kind), owner: "frontline make-it-right") { events, desk in
            guard let made = events.first(where: { if case .recoveryMade = $0.change { true } else { false } }),
                  case let .recoveryMade(_, offerID, followUp) = made.change,
                  let c = desk.cases[caseID], let k = desk.customer(of: c) else { return Words.commandLine.nothingChanged(UILanguage.current, ["case": caseID]) }
            let offer = offerID.flatMap { n in c.offers.first { $0.id == n } }
            let due = c.followUps.first { $0.id == followUp }?.due ?? Date()
            let text = templates.makeItRight(kind, offer: offer, due: due, on: c, customer: k, history: CustomerHistory(desk: desk, caseID: caseID),
                                             agent: made.actor, timeZone: .current)
            let w = Words.commandLine, l = UILanguage.current
            let given = offer.map { $0.said(in: l) + ($0.coupon.map { c in ActivityWords.shared.code(l, ["code": c.code]) } ?? "") } ?? w.noGoodwill(l)
            return w.madeItRight(l, ["case": caseID, "given": given, "due": ISOTime.format(due)]) + "\n\(text.sanitisedForTerminal)"
        }
    }
}

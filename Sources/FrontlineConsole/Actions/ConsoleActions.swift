import Foundation
import FrontlineCore
import FrontlineTUI

/// Every action of the queue, in the order `?` lists them. The single source: add an action
/// here and it has its key, its `:` form, its help line and its role check.
public enum ConsoleActions {
    typealias Problem = ConsoleCommandLine.Problem

    public static let all: [ConsoleAction] = navigation + caseWork + console

    static let navigation: [ConsoleAction] = [
        ConsoleAction("", keys: [.down, .character("j"), .up, .character("k")], keyLabel: "↑ ↓  j k",
                      help: "move through the queue (the history pane follows)", role: .anyone, needsCase: false,
                      onKey: { key, state, ctx in
                          move(by: key == .down || key == .character("j") ? 1 : -1, state: &state, ctx: ctx)
                          return []
                      }),
        ConsoleAction("", keys: [.pageUp, .pageDown, .control("b"), .control("f")], keyLabel: "PgUp PgDn",
                      help: "a page up / down", role: .anyone, needsCase: false,
                      onKey: { key, state, ctx in
                          move(by: key == .pageDown || key == .control("f") ? ctx.pageSize : -ctx.pageSize, state: &state, ctx: ctx)
                          return []
                      }),
        ConsoleAction("", keys: [.home, .character("g"), .end, .character("G")], keyLabel: "Home End  g G",
                      help: "first / last case", role: .anyone, needsCase: false,
                      onKey: { key, state, ctx in
                          move(to: key == .home || key == .character("g") ? 0 : ctx.world.queue.rows.count - 1, state: &state, world: ctx.world)
                          return []
                      }),
        ConsoleAction("view", cli: "queue", aliases: ["v"], keys: (1...9).map { .character(Character(String($0))) }, keyLabel: "1 … 9",
                      usage: "view NAME", help: "views: Waiting, Mine, Escalated, Follow-ups, Pending, Solved, All, Approvals, Stock",
                      role: .anyone, needsCase: false,
                      onKey: { key, state, _ in
                          if case let .character(c) = key, let n = Int(String(c)) { ActionSteps.show(QueueView.allCases[n - 1], state: &state) }
                          return []
                      },
                      onLine: { args, state, ctx throws(Problem) in
                          let rest = args.joined(separator: " ")
                          // A view by its name in the console's language too ("väntar", "seurannat").
                          let local = QueueView.allCases.filter { Words.views.title($0)(ctx.world.language).lowercased().hasPrefix(rest.lowercased()) }
                          guard let v = QueueView(name: rest) ?? (local.count == 1 && !rest.isEmpty ? local[0] : nil) else {
                              throw Problem(Words.messages.noView(UILanguage.current, ["views": QueueView.allCases.map(\.rawValue).joined(separator: ", "), "name": rest]))
                          }
                          ActionSteps.show(v, state: &state)
                          return []
                      }),
        ConsoleAction("search", cli: "search", aliases: ["find"], keys: [.character("/"), .escape], keyLabel: "/",
                      usage: "search TEXT", help: "search (name, e-mail, case id, subject, text); Esc clears", hint: ("search", 9),
                      role: .anyone, needsCase: false,
                      onKey: { key, state, ctx in
                          if key == .escape {
                              if !state.search.isEmpty {
                                  state.search = ""
                                  state.status = StatusMessage(Words.status.searchCleared(UILanguage.current), at: ctx.world.now)
                              }
                          } else {
                              state.mode = .prompt(Prompt(.search, label: Words.status.search(UILanguage.current), text: state.search,
                                                          hint: Words.status.searchHint(UILanguage.current)))
                          }
                          return []
                      },
                      onLine: { args, state, _ in
                          state.search = args.joined(separator: " ")
                          state.selectedIndex = 0
                          state.selectedCaseID = nil
                          return []
                      }),
        ConsoleAction("", keys: [.character("J"), .character("K")], keyLabel: "J K", help: "scroll the customer history",
                      role: .anyone, needsCase: false,
                      onKey: { key, state, _ in
                          state.historyScroll = key == .character("J") ? state.historyScroll + 3 : max(0, state.historyScroll - 3)
                          return []
                      }),
        ConsoleAction("", keys: [.character("T")], keyLabel: "T", help: "show / fold quoted mail history and signatures",
                      role: .anyone, needsCase: false,
                      onKey: { _, state, ctx in
                          state.showQuoted.toggle()
                          state.status = StatusMessage((state.showQuoted ? Words.mail.showingQuoted : Words.mail.quotedFolded)(UILanguage.current), at: ctx.world.now)
                          return []
                      }),
        ConsoleAction("save", cli: "attachment", keys: [.character("S")], keyLabel: "S", usage: "save N [DIR]",
                      help: "save an attachment of the case (:save N DIR)", role: .anyone,
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let count = MailThreadLines.attachments(c).count
                          guard count > 0 else {
                              state.status = StatusMessage(Words.mail.noAttachments(UILanguage.current, ["case": c.id]), kind: .error, at: ctx.world.now)
                              return []
                          }
                          state.mode = .prompt(Prompt(.commandLine, label: ":", text: "save ",
                                                      hint: Words.mail.saveHint(UILanguage.current, ["count": "\(count)"])))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let first = args.first, let n = Int(first), n >= 1 else { throw Problem(Words.mail.saveUsage(UILanguage.current)) }
                          let count = MailThreadLines.attachments(c).count
                          guard n <= count else {
                              throw Problem((count == 1 ? Words.mail.oneAttachmentNot : Words.mail.attachmentsNot)(UILanguage.current, ["case": c.id, "count": "\(count)", "n": "\(n)"]))
                          }
                          return [.saveAttachment(c.id, number: n, directory: args.dropFirst().joined(separator: " "))]
                      }),
    ]

    static let caseWork: [ConsoleAction] = [
        ConsoleAction("reply", cli: "reply", keys: [.character("r"), .enter], keyLabel: "r  Enter", usage: "reply TEXT",
                      help: "write a reply in the reply pane", hint: ("reply", 5),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.focus = .reply
                          state.replyBasis = ReplyBasis(c)   // what the agent sees now is what they answer
                          return []
                      },
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard !args.isEmpty else { throw Problem(Words.messages.replyUsage(UILanguage.current)) }
                          return ActionSteps.sendReply(c.id, args.joined(separator: " "), state: &state, world: ctx.world)
                      }),
        ConsoleAction("template", aliases: ["tpl"], keys: [.character("i")], keyLabel: "i", usage: "template NAME",
                      help: "put a template in the reply, filled for this customer (type to narrow the list)",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.mode = .prompt(Prompt(.template(c.id), label: Words.goodwill.templateFor(UILanguage.current, ["case": c.id]),
                                                      hint: ActionSteps.templateHint("", for: c, world: ctx.world)))
                          return []
                      },
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          let name = args.joined(separator: " ")
                          guard !name.isEmpty else { throw Problem(Words.goodwill.templateUsage(UILanguage.current)) }
                          guard let t = ActionSteps.template(name, for: c, world: ctx.world) else {
                              throw Problem("template NAME — \(ActionSteps.templateHint(name, for: c, world: ctx.world))")
                          }
                          return ActionSteps.insertTemplate(t, into: c, state: &state, world: ctx.world)
                      }),
        ConsoleAction("solution", cli: "solutions", aliases: ["sol"], keys: [.character("u")], keyLabel: "u", usage: "solution NAME",
                      help: "put a solution article in the reply (the reply pane suggests the best fits)",
                      onKey: { _, state, ctx in ctx.selected.map { ActionSteps.solutionPicker($0, state: &state, world: ctx.world) } ?? [] },
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          let name = args.joined(separator: " ").lowercased()
                          guard ctx.world.solutions.named(name, language: ActionSteps.language(of: c, ctx.world)) != nil else {
                              throw Problem(Words.goodwill.noSolutionNamed(UILanguage.current, ["names": Set(ctx.world.solutions.articles.map(\.name)).sorted().joined(separator: ", "),
                                                                                                "name": name]))
                          }
                          return ActionSteps.insertSolution(name, into: c.id, state: &state, world: ctx.world)
                      }),
        ConsoleAction("", keys: [.control("e")], keyLabel: "Ctrl-E", help: "write the reply in $VISUAL / $EDITOR",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          ConsoleUpdate.loadEditor(for: c.id, state: &state, world: ctx.world)
                          return [.openExternalEditor(c.id, state.editor.text)]
                      }),
        ConsoleAction("apologise", cli: "apologise", aliases: ["apologize", "sorry"], keys: [.character("a")], keyLabel: "a",
                      usage: "apologise delay|faulty|mistake|experience",
                      help: "apologise: delay, faulty product, our mistake, bad experience", hint: ("apologise", 1),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let l = UILanguage.current
                          state.mode = .picker(Picker(.apology(c.id), title: Words.status.apologiseFor(l, ["name": ConsoleUpdate.customerName(c, ctx.world)]),
                                                      options: ApologyKind.allCases.map { Words.status.apology($0)(l) }))
                          return []
                      },
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let kind = ApologyKind(rawValue: args.first?.lowercased() ?? "") else {
                              throw Problem(Words.messages.apologiseForWhat(UILanguage.current, ["kinds": ApologyKind.allCases.map(\.rawValue).joined(separator: ", ")]))
                          }
                          return ActionSteps.apologise(c.id, kind, state: &state, world: ctx.world)
                      }),
        ConsoleAction("escalate", cli: "escalate", aliases: ["esc"], keys: [.character("e")], keyLabel: "e", usage: "escalate tier2|supervisor REASON",
                      help: "escalate to tier 2 or a supervisor, with a reason", hint: ("escalate", 2),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let l = UILanguage.current
                          state.mode = .picker(Picker(.escalation(c.id), title: Words.status.escalateTo(l, ["case": c.id]),
                                                      options: EscalationLevel.allCases.map { Words.status.level($0)(l) }))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let first = args.first, let level = EscalationLevel(rawValue: first.lowercased()) else {
                              throw Problem(Words.messages.escalateToWhom(UILanguage.current))
                          }
                          let reason = args.dropFirst().joined(separator: " ")
                          guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem(Words.messages.needsReason(UILanguage.current, ["command": "escalate"])) }
                          return [ActionSteps.escalate(c.id, level, reason: reason)]
                      }),
        ConsoleAction("deescalate", cli: "deescalate", aliases: ["de-escalate"], usage: "deescalate REASON", help: "end the escalation, with a reason",
                      role: .supervisor,
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          let reason = args.joined(separator: " ")
                          guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem(Words.messages.needsReason(UILanguage.current, ["command": "deescalate"])) }
                          return [ActionSteps.deescalate(c.id, reason: reason)]
                      }),
        ConsoleAction("offer", cli: "offer", aliases: ["goodwill"], keys: [.character("$")], keyLabel: "$", usage: "offer KIND [VALUE] REASON",
                      help: "make it right: a discount, coupon, refund, credit, replacement or free shipping",
                      onKey: { _, state, ctx in ctx.selected.map { ActionSteps.offerPicker($0, state: &state, world: ctx.world) } ?? [] },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          return try ActionSteps.offerLine(args, on: c, world: ctx.world)
                      }),
        ConsoleAction("makeitright", cli: "make-it-right", aliases: ["make-it-right", "recover"], keys: [.character("m")], keyLabel: "m",
                      usage: "makeitright delay|faulty|mistake|experience",
                      help: "make it right in one step: apology, thanks, the goodwill you may give, a check-in",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let l = UILanguage.current
                          state.mode = .picker(Picker(.makeItRight(c.id), title: Words.status.makeItRightWith(l, ["name": ConsoleUpdate.customerName(c, ctx.world)]),
                                                      options: ApologyKind.allCases.map { Words.status.apology($0)(l) }))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let kind = ApologyKind(rawValue: args.first?.lowercased() ?? "") else {
                              throw Problem(Words.messages.makeItRightForWhat(UILanguage.current, ["kinds": ApologyKind.allCases.map(\.rawValue).joined(separator: ", ")]))
                          }
                          return [ActionSteps.makeItRight(c.id, kind)]
                      }),
        ConsoleAction("want", cli: "want", aliases: ["backinstock"], keys: [.character("w")], keyLabel: "w", usage: "want ITEM [QUANTITY] [hold DURATION]",
                      help: "tell them when a sold-out item is back (hold 2d: put one aside for them)",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let l = UILanguage.current
                          state.mode = .prompt(Prompt(.stockWish(c.id), label: Words.goodwill.wantsWhenBack(l, ["name": ConsoleUpdate.customerName(c, ctx.world)]),
                                                      hint: Words.goodwill.wantHint(l)))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          return [try ActionSteps.stockWish(args, on: c.id, world: ctx.world)]
                      }),
        ConsoleAction("approve", cli: "approve", keys: [.character("y")], keyLabel: "y", usage: "approve [NOTE]",
                      help: "approve the case's request for an offer (view 8 lists them)", role: .supervisor,
                      onKey: { _, state, ctx in ctx.selected.map { ActionSteps.answerPrompt($0, approve: true, state: &state, world: ctx.world) } ?? [] },
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let o = ActionSteps.request(on: c) else { throw Problem(Words.goodwill.noRequest(UILanguage.current, ["case": c.id])) }
                          return [ActionSteps.answer(c.id, offer: o.id, approve: true, note: args.isEmpty ? nil : args.joined(separator: " "))]
                      }),
        ConsoleAction("decline", cli: "decline", keys: [.character("d")], keyLabel: "d", usage: "decline REASON",
                      help: "decline it, saying why (the agent sees it at once)", role: .supervisor,
                      onKey: { _, state, ctx in ctx.selected.map { ActionSteps.answerPrompt($0, approve: false, state: &state, world: ctx.world) } ?? [] },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let o = ActionSteps.request(on: c) else { throw Problem(Words.goodwill.noRequest(UILanguage.current, ["case": c.id])) }
                          guard !args.isEmpty else { throw Problem(Words.goodwill.declineUsage(UILanguage.current)) }
                          return [ActionSteps.answer(c.id, offer: o.id, approve: false, note: args.joined(separator: " "))]
                      }),
        ConsoleAction("followup", cli: "followup", aliases: ["follow-up", "fu"], keys: [.character("f")], keyLabel: "f", usage: "followup [until] WHEN WHAT",
                      help: "schedule a follow-up (+2h, tomorrow 9:00, mon 14:00; until +3d: unless they answer first)", hint: ("follow-up", 3),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.mode = .prompt(Prompt(.followUpWhen(c.id), label: Words.status.followUpWhen(UILanguage.current, ["case": c.id]),
                                                      hint: Words.status.followUpWhenHint(UILanguage.current, ["zone": ctx.world.timeZone.identifier])))
                          return []
                      },
                      onLine: { words, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          let untilAnswer = words.first?.lowercased() == "until"
                          let args = untilAnswer ? Array(words.dropFirst()) : words
                          let parser = FollowUpTime(timeZone: ctx.world.timeZone)
                          // The time is the first one or two words that read as a time; the rest is the note.
                          for n in stride(from: min(2, args.count), through: 1, by: -1) {
                              if let due = try? parser.parse(args.prefix(n).joined(separator: " "), now: ctx.world.now) {
                                  let note = args.dropFirst(n).joined(separator: " ")
                                  guard !note.isEmpty else { throw Problem(Words.messages.followUpNeedsWhat(UILanguage.current)) }
                                  return [ActionSteps.followUp(c.id, due: due, note: note, untilAnswer: untilAnswer, world: ctx.world)]
                              }
                          }
                          throw Problem(Words.messages.followUpUsage(UILanguage.current))
                      }),
        ConsoleAction("feedback", cli: "feedback", usage: "feedback SCORE [COMMENT]",
                      help: "record the customer's rating, 1–5 (2 or less reopens the case to make it right)",
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let score = args.first.flatMap({ Int($0) }), (1...5).contains(score) else {
                              throw Problem(Words.messages.feedbackUsage(UILanguage.current))
                          }
                          let comment = args.dropFirst().joined(separator: " ")
                          return [ActionSteps.rate(c.id, score, comment: comment.isEmpty ? nil : comment)]
                      }),
        ConsoleAction("cancel", cli: "followup-cancel", usage: "cancel REASON", help: "cancel the next follow-up: the promise no longer stands, and why",
                      onLine: { args, state, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard c.nextFollowUp() != nil else { throw Problem(RefusalWords.shared.noOpenFollowUp(UILanguage.current, ["case": c.id])) }
                          guard !args.isEmpty else {
                              state.mode = .prompt(Prompt(.followUpCancelReason(c.id), label: Words.status.cancelBecause(UILanguage.current, ["case": c.id]),
                                                          hint: Words.status.recorded(UILanguage.current)))
                              return []
                          }
                          return [ActionSteps.cancelFollowUp(c.id, reason: args.joined(separator: " "))]
                      }),
        ConsoleAction("done", cli: "followup-done", keys: [.character("F")], keyLabel: "F", usage: "done [OUTCOME]",
                      help: "mark the next follow-up done, with an outcome", hint: ("done", 4),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          if let next = c.nextFollowUp() {
                              state.mode = .prompt(Prompt(.followUpOutcome(c.id), label: Words.status.doneOutcome(UILanguage.current, ["note": next.note]),
                                                          hint: Words.status.outcomeHint(UILanguage.current)))
                          } else {
                              state.status = StatusMessage(RefusalWords.shared.noOpenFollowUp(UILanguage.current, ["case": c.id]), kind: .error, at: ctx.world.now)
                          }
                          return []
                      },
                      onLine: { args, _, ctx in
                          guard let c = ctx.selected else { return [] }
                          return [ActionSteps.followUpDone(c.id, outcome: args.joined(separator: " "))]
                      }),
        ConsoleAction("note", cli: "note", keys: [.character("n")], keyLabel: "n", usage: "note TEXT", help: "add an internal note", hint: ("note", 6),
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.mode = .prompt(Prompt(.note(c.id), label: Words.status.noteOn(UILanguage.current, ["case": c.id]), hint: Words.status.noteHint(UILanguage.current)))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard !args.isEmpty else { throw Problem("note TEXT") }
                          return [ActionSteps.note(c.id, args.joined(separator: " "))]
                      }),
        ConsoleAction("take", cli: "take", keys: [.character("t")], keyLabel: "t", usage: "take", help: "take the case (assign to me)", hint: ("take", 8),
                      onKey: { _, _, ctx in ctx.selected.map { [ActionSteps.take($0.id)] } ?? [] },
                      onLine: { _, _, ctx in ctx.selected.map { [ActionSteps.take($0.id)] } ?? [] }),
        ConsoleAction("assign", cli: "assign", keys: [.character("A")], keyLabel: "A", usage: "assign AGENT", help: "assign to someone",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.mode = .prompt(Prompt(.assign(c.id), label: Words.status.assignTo(UILanguage.current, ["case": c.id]), text: c.assignee ?? "",
                                                      hint: Words.status.assignHint(UILanguage.current)))
                          return []
                      },
                      onLine: { args, _, ctx in
                          guard let c = ctx.selected else { return [] }
                          let who = args.joined(separator: " ")
                          return [ActionSteps.assign(c.id, to: who.isEmpty ? nil : who)]
                      }),
        ConsoleAction("priority", cli: "priority", aliases: ["prio"], keys: [.character("p")], keyLabel: "p", usage: "priority low|normal|high|urgent",
                      help: "set priority",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          let l = UILanguage.current
                          state.mode = .picker(Picker(.priority(c.id), title: Words.status.priorityOf(l, ["case": c.id]), options: Priority.allCases.map { Words.views.priority($0)(l) },
                                                      selected: Priority.allCases.firstIndex(of: c.priority) ?? 1))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard let p = Priority(rawValue: args.joined(separator: " ").lowercased()) else { throw Problem(Words.messages.priorityUsage(UILanguage.current)) }
                          return [ActionSteps.priority(c.id, p)]
                      }),
        ConsoleAction("tag", cli: "tag", keys: [.character("#")], keyLabel: "#", usage: "tag TAG…", help: "add tags",
                      onKey: { _, state, ctx in
                          guard let c = ctx.selected else { return [] }
                          state.mode = .prompt(Prompt(.tag(c.id), label: Words.status.tagsFor(UILanguage.current, ["case": c.id]), hint: Words.status.tagsHint(UILanguage.current)))
                          return []
                      },
                      onLine: { args, _, ctx throws(Problem) in
                          guard let c = ctx.selected else { return [] }
                          guard !args.isEmpty else { throw Problem("tag TAG…") }
                          return [ActionSteps.tag(c.id, args)]
                      }),
        ConsoleAction("solve", cli: "solve", keys: [.character("s")], keyLabel: "s", usage: "solve [REASON]",
                      help: "solve (while a follow-up is open, asks why and records it)", hint: ("solve", 7),
                      onKey: { _, state, ctx in ctx.selected.map { ActionSteps.solveAsking($0, reason: nil, state: &state, world: ctx.world) } ?? [] },
                      onLine: { args, state, ctx in
                          ctx.selected.map { ActionSteps.solveAsking($0, reason: args.isEmpty ? nil : args.joined(separator: " "), state: &state, world: ctx.world) } ?? []
                      }),
        ConsoleAction("reopen", cli: "reopen", keys: [.character("o")], keyLabel: "o", usage: "reopen", help: "reopen",
                      onKey: { _, _, ctx in ctx.selected.map { [ActionSteps.reopen($0.id)] } ?? [] },
                      onLine: { _, _, ctx in ctx.selected.map { [ActionSteps.reopen($0.id)] } ?? [] }),
        ConsoleAction("pending", cli: "pending", keys: [.character("P")], keyLabel: "P", usage: "pending", help: "set pending (waiting on the customer)",
                      onKey: { _, _, ctx in ctx.selected.map { [ActionSteps.pending($0.id)] } ?? [] },
                      onLine: { _, _, ctx in ctx.selected.map { [ActionSteps.pending($0.id)] } ?? [] }),
        ConsoleAction("sla", cli: "sla", usage: "sla PRIORITY TARGET", help: "change a first-response target for everyone (e.g. :sla urgent 30m)",
                      role: .supervisor, needsCase: false,
                      onLine: { args, _, _ throws(Problem) in
                          guard args.count == 2, let p = Priority(rawValue: args[0].lowercased()),
                                let seconds = try? FollowUpTime.relative(args[1], original: args[1]) else {
                              throw Problem(Words.messages.slaUsage(UILanguage.current))
                          }
                          return [ActionSteps.serviceLevel(p, seconds)]
                      }),
    ]

    static let console: [ConsoleAction] = [
        ConsoleAction("", keys: [.character(":")], keyLabel: ":", help: "command line: any action by its name, e.g. :escalate supervisor REASON", hint: ("cmd", 10),
                      role: .anyone, needsCase: false,
                      onKey: { _, state, _ in
                          state.mode = .prompt(Prompt(.commandLine, label: ":", hint: Words.status.commandHint(UILanguage.current)))
                          return []
                      }),
        ConsoleAction("report", cli: "report", aliases: ["reports"], keys: [.character("R")], keyLabel: "R", usage: "report [DAYS]",
                      help: "the Reports screen: the last days' figures, per-day sparklines, SLA bars", role: .anyone, needsCase: false,
                      onKey: { _, state, ctx in state.mode = .report(ReportView.make(days: 7, world: ctx.world)); return [] },
                      onLine: { args, state, ctx throws(Problem) in
                          let days = args.first.flatMap { Int($0) } ?? 7
                          guard (1...90).contains(days) else { throw Problem(Words.messages.reportUsage(UILanguage.current)) }
                          state.mode = .report(ReportView.make(days: days, world: ctx.world))
                          return []
                      }),
        ConsoleAction("at", usage: "at WHEN|now",
                      help: "the desk as it was then, read-only: 10:42, 2026-11-30 10:42, yesterday, 2h (ago); :at now comes back",
                      role: .anyone, needsCase: false,
                      onLine: { args, state, ctx throws(Problem) in
                          let when = args.joined(separator: " ")
                          guard !when.isEmpty else { throw Problem(Words.messages.atUsage(UILanguage.current)) }
                          // The draft is saved first: the past has no reply pane.
                          if when.lowercased() == "now" { return ConsoleUpdate.flushDraft(&state) + [.travel(to: nil)] }
                          do {
                              let moment = try ReportTime.parse(when, now: ctx.world.now, timeZone: ctx.world.timeZone)
                              return ConsoleUpdate.flushDraft(&state) + [.travel(to: moment)]
                          } catch {
                              throw Problem("at WHEN — \(error)")
                          }
                      }),
        ConsoleAction("review", cli: "review", aliases: ["reviews"], keys: [.character("V")], keyLabel: "V", usage: "review",
                      help: "the Review screen: score this week's replies, praise or coach; agents see, acknowledge or dispute theirs",
                      role: .anyone, needsCase: false,
                      onKey: { _, state, ctx in ReviewSteps.open(state: &state, world: ctx.world); return [] },
                      onLine: { _, state, ctx in ReviewSteps.open(state: &state, world: ctx.world); return [] }),
        ConsoleAction("help", aliases: ["h"], keys: [.character("?"), .function(1)], keyLabel: "?  F1", usage: "help",
                      help: "every key, in context", hint: ("help", 11), role: .anyone, needsCase: false,
                      onKey: { _, state, _ in state.mode = .help; return [] },
                      onLine: { _, state, _ in state.mode = .help; return [] }),
        ConsoleAction("", keys: [.control("z")], keyLabel: "Ctrl-Z", help: "suspend (fg to resume)", role: .anyone, needsCase: false,
                      onKey: { _, state, _ in ConsoleUpdate.flushDraft(&state) + [.suspend] }),
        ConsoleAction("quit", aliases: ["q"], keys: [.character("q"), .control("c")], keyLabel: "q", usage: "quit",
                      help: "quit (your draft is kept)", hint: ("quit", 12), role: .anyone, needsCase: false,
                      onKey: { _, state, _ in ActionSteps.quit(state: &state) },
                      onLine: { _, state, _ in ActionSteps.quit(state: &state) }),
    ]

    /// The action a key in the queue runs, if any.
    public static func action(forKey key: Key) -> ConsoleAction? { all.first { $0.keys.contains(key) } }

    /// The action a `:` line names, if any.
    public static func action(named typed: String) -> ConsoleAction? { all.first { $0.answers(to: typed.lowercased()) } }

    /// The `:` forms, as `:help` and an unknown command list them.
    public static var lineUsages: [String] { all.compactMap { $0.onLine == nil ? nil : $0.usage } }

    /// Why `action` cannot run now (the role, or no case to act on); nil when it can.
    static func refusal(of action: ConsoleAction, state: ConsoleState, ctx: ActionContext, emptyQueue: String) -> String? {
        if let moment = state.pastMoment, action.role != .anyone {
            return Words.status.inThePast(UILanguage.current, ["when": ctx.world.time.dayAndTime(moment, now: ctx.world.now)])
        }
        let doing = action.name.isEmpty ? Words.messages.doThat(UILanguage.current) : Words.messages.useCommand(UILanguage.current, ["name": action.name])
        if let why = action.role.refusal(for: state.role, action: doing) { return why }
        if action.needsCase && ctx.selected == nil { return emptyQueue }
        return nil
    }

    // MARK: - Moving

    static func move(to index: Int, state: inout ConsoleState, world: ConsoleWorld) {
        let rows = world.queue.rows
        guard !rows.isEmpty else { return }
        let i = min(max(0, index), rows.count - 1)
        if rows[i] != state.selectedCaseID { state.historyScroll = 0 }
        state.selectedIndex = i
        state.selectedCaseID = rows[i]
    }

    static func move(by offset: Int, state: inout ConsoleState, ctx: ActionContext) {
        let current = ctx.world.queue.index(of: state.selectedCaseID) ?? state.selectedIndex
        move(to: current + offset, state: &state, world: ctx.world)
    }
}

/// Who may do what on a shared desk. Pure: the server asks it before every command, with the
/// actor's name and role as the server (not the client) knows them.
public enum AccessPolicy {
    /// Nil when `actor` in `role` may run `command` on `desk`; otherwise why not, for a person.
    public static func refusal(of command: Command, by actor: String, role: TeamRole, on desk: HelpDesk) -> String? {
        switch role {
        case .supervisor:
            return nil
        case .viewer:
            return "\(actor) is a viewer on this desk: viewers can watch the queue but not change it"
        case .intake:
            switch command {
            case .receive, .receiveMail: return nil
            default: return "\(actor) may only take in customer messages on this desk (role intake)"
            }
        case .agent:
            switch command {
            case let .deescalate(id, _):
                return "only a supervisor can de-escalate \(id) (\(actor) is an agent)"
            case .setServiceLevel:
                return "only a supervisor can change SLA targets (\(actor) is an agent)"
            case let .answerOffer(id, offer, approve, _):
                return "only a supervisor can \(approve ? "approve" : "decline") \(Offer.requestName(id, offer)) (\(actor) is an agent)"
            case let .review(id, s):
                return "only a supervisor can review replies such as \(Review.reference(id, s.message)) (\(actor) is an agent)"
            case let .assign(id, target):
                // Handing out unassigned work, or passing on your own case, is everyday agent work;
                // taking a case away from a colleague is a supervisor's call.
                guard let holder = desk.cases[id]?.assignee, holder != actor, holder != target else { return nil }
                return "only a supervisor can reassign \(id): it is \(holder)'s case (\(actor) is an agent)"
            default:
                return nil
            }
        }
    }
}

/// Every kind of thing the console colours. A theme gives each a style; a missing one falls
/// back to `normal`.
public enum ThemeRole: String, CaseIterable, Sendable {
    case normal
    case border
    case title
    case selected
    case dim
    case accent
    case slaOK = "sla_ok"
    case slaAtRisk = "sla_at_risk"
    case slaBreached = "sla_breached"
    case followUpDue = "follow_up_due"
    case followUpOverdue = "follow_up_overdue"
    case escalated
    case inbound
    case outbound
    case note
    case event
    case statusBar = "status_bar"
    case statusError = "status_error"
    case prompt
    case key
}

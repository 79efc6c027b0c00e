import Foundation

/// First-response targets per priority: how long a customer may wait for us before the case
/// breaches its SLA.
public struct ServiceLevels: Sendable, Equatable, Codable {
    public var targets: [Priority: TimeInterval]
    /// A case is "at risk" when less than this share of its target is left.
    public var atRiskShare: Double

    public init(targets: [Priority: TimeInterval] = ServiceLevels.defaultTargets, atRiskShare: Double = 0.25) {
        self.targets = targets
        self.atRiskShare = atRiskShare
    }

    public static let defaultTargets: [Priority: TimeInterval] = [
        .urgent: 3600, .high: 4 * 3600, .normal: 24 * 3600, .low: 72 * 3600,
    ]

    public func target(for p: Priority) -> TimeInterval {
        targets[p] ?? Self.defaultTargets[p] ?? 24 * 3600
    }

    /// When the customer waiting since `since` must have had an answer.
    public func deadline(for c: SupportCase) -> Date? {
        guard c.status == .open, let since = c.waitingSince else { return nil }
        return since.addingTimeInterval(target(for: c.priority))
    }

    public func state(of c: SupportCase, at now: Date) -> SLAState {
        guard let deadline = deadline(for: c) else { return .none }
        let left = deadline.timeIntervalSince(now)
        if left < 0 { return .breached }
        if left < target(for: c.priority) * atRiskShare { return .atRisk }
        return .ok
    }
}

public enum SLAState: String, Sendable {
    /// Not waiting on us: no clock running.
    case none
    case ok
    case atRisk
    case breached
}

extension ServiceLevels {
    /// These levels with the targets a supervisor set at run time laid over them.
    public func overridden(by targets: [Priority: TimeInterval]) -> ServiceLevels {
        var copy = self
        copy.targets.merge(targets) { _, new in new }
        return copy
    }
}

extension HelpDesk {
    /// The SLA in force: the config's `[sla]` (or the defaults) under the run-time targets.
    public func serviceLevels(base: ServiceLevels) -> ServiceLevels {
        serviceLevelTargets.isEmpty ? base : base.overridden(by: serviceLevelTargets)
    }
}

import FrontlineTUI

/// A named set of styles, one per role.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: TextStyle]

    public init(name: String, styles: [ThemeRole: TextStyle]) {
        self.name = name
        self.styles = styles
    }

    public subscript(_ role: ThemeRole) -> TextStyle {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// Used when nothing else can be loaded: every role plain except reverse video for the selection.
    public static let fallbackMonochrome = Theme(name: "monochrome", styles: [
        .normal: .plain,
        .selected: TextStyle(attributes: .reverse),
        .title: TextStyle(attributes: .bold),
        .slaBreached: TextStyle(attributes: .bold),
        .followUpOverdue: TextStyle(attributes: [.bold, .reverse]),
        .statusError: TextStyle(attributes: .bold),
        .key: TextStyle(attributes: .bold),
    ])
}

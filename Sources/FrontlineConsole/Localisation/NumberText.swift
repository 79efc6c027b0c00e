import Foundation
import FrontlineCore

/// Numbers the language's way: "4.5" / "4,5", "85%" / "85 %" (Swedish and Finnish put a
/// no-break space before the percent sign and write a decimal comma).
public enum NumberText {
    public static func decimal(_ value: Double, _ language: UILanguage, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    public static func percent(_ share: Double, _ language: UILanguage) -> String {
        let n = String(format: "%.0f", share * 100)
        return language == .en ? n + "%" : n + "\u{00A0}%"
    }
}

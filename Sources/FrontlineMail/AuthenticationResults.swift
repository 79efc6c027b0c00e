/// `Authentication-Results` (RFC 8601): the sender is not verified when any such header says
/// dmarc=fail or spf=fail.
enum AuthenticationResults {
    static func senderNotVerified(_ values: [String]) -> Bool {
        values.contains { says($0, method: "dmarc", result: "fail") || says($0, method: "spf", result: "fail") }
    }

    /// True when `method = result` appears as whole words ("spf=fail", "SPF = fail (…)").
    static func says(_ value: String, method: String, result: String) -> Bool {
        let u = Array(value.lowercased().utf8)
        let m = Array(method.utf8), r = Array(result.utf8)
        func isWord(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
        }
        var i = 0
        while i + m.count <= u.count {
            if u[i..<(i + m.count)].elementsEqual(m), i == 0 || !isWord(u[i - 1]) {
                var j = i + m.count
                while j < u.count, u[j] == 0x20 || u[j] == 0x09 { j += 1 }
                if j < u.count, u[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < u.count, u[j] == 0x20 || u[j] == 0x09 { j += 1 }
                    if j + r.count <= u.count, u[j..<(j + r.count)].elementsEqual(r),
                       j + r.count == u.count || !isWord(u[j + r.count]) { return true }
                }
            }
            i += 1
        }
        return false
    }
}

import FrontlineStore
import Testing

@Suite struct PersistenceCRC32CTests {
    @Test func standardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    /// RFC 3720 (iSCSI) appendix B.4 test patterns.
    @Test func iscsiVectors() {
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    /// Chaining with `initial` equals one pass, and the non-contiguous path agrees with the
    /// slice-by-8 path for every split and every length around the 8-byte stride.
    @Test func chainingAndNonContiguousAgree() {
        let bytes = (0..<67).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...bytes.count {
            let whole = CRC32C.checksum(bytes[0..<length])
            #expect(CRC32C.checksum(bytes[0..<length].lazy.map { $0 }) == whole)
            for split in 0...length {
                let first = CRC32C.checksum(bytes[0..<split])
                #expect(CRC32C.checksum(bytes[split..<length], initial: first) == whole)
            }
        }
    }
}

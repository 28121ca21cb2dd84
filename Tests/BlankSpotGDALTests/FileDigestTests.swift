import BlankSpotGDAL
import Foundation
import Testing
import TestSupport

@Suite struct FileDigestTests {
    /// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf"): "abc", the empty message and the
    /// 448-bit two-block message.
    @Test func knownAnswers() {
        #expect(FileDigest.sha256Hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(FileDigest.sha256Hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.sha256Hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// A real multi-chunk file (the zipped SRTM tile, 1.7 MB): the same digest as coreutils'
    /// `sha256sum`; a missing file gives nil.
    @Test func fileAgreesWithSha256sum() throws {
        let path = Fixtures.whiteMountainsTile
        let reference = try ExternalTool.run("sha256sum", [path]).stdout.split(separator: " ").first.map(String.init)
        #expect(reference?.count == 64)
        #expect(FileDigest.sha256Hex(path: path) == reference)
        #expect(FileDigest.sha256Hex(path: path + ".missing") == nil)
    }
}

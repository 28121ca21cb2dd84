import CCrypto
import Foundation

/// SHA-256 (FIPS 180-4) of bytes and files, through OpenSSL's EVP digest API, which uses the
/// CPU's SHA extensions where it has them (about 1 GB/s here, five times a portable
/// implementation): run.json hashes every input, and DEMs run to hundreds of megabytes.
public enum FileDigest {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256Hex(of bytes: [UInt8]) -> String {
        let digest = Digest()
        bytes.withUnsafeBytes { digest.update($0) }
        return digest.finalHex()
    }

    /// Lower-case hex SHA-256 of the file's bytes, or nil when it cannot be read or when
    /// `cancelled` answers true between two 4 MiB chunks.
    public static func sha256Hex(path: String, cancelled: () -> Bool = { false }) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let digest = Digest()
        do {
            // nil or empty at the end of the file.
            while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
                if cancelled() { return nil }
                chunk.withUnsafeBytes { digest.update($0) }
            }
        } catch {
            return nil
        }
        return digest.finalHex()
    }

    /// One running SHA-256 (an EVP_MD_CTX, freed with it).
    private final class Digest {
        let context: OpaquePointer

        init() {
            guard let c = EVP_MD_CTX_new(), EVP_DigestInit_ex(c, EVP_sha256(), nil) == 1 else {
                fatalError("OpenSSL cannot start a SHA-256 digest")
            }
            context = c
        }

        deinit { EVP_MD_CTX_free(context) }

        func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            _ = EVP_DigestUpdate(context, base, bytes.count)
        }

        func finalHex() -> String {
            var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            _ = EVP_DigestFinal_ex(context, &out, &length)
            let hex = Array("0123456789abcdef".utf8)
            var text = [UInt8]()
            for b in out.prefix(Int(length)) { text.append(hex[Int(b >> 4)]); text.append(hex[Int(b & 15)]) }
            return String(decoding: text, as: UTF8.self)
        }
    }
}

import BlankSpotCore
import BlankSpotGDAL
import Foundation
import Synchronization

/// run.json: what was run, on what, with which parameters, how long it took, what came out.
/// Everything but `timingsS`, `startedUTC` and `threads` is the same for the same inputs.
public struct RunManifest: Encodable {
    public struct Input: Codable, Sendable {
        public var role: String
        public var path: String
        public var bytes: Int?
        public var sha256: String?
    }

    public struct TowerUse: Encodable {
        public var read: Int
        public var used: Int
        /// Towers read but not on the terrain.
        public var skipped: [Skipped]
        /// Rows of the tower file that give no usable tower (with `--skip-bad-rows`).
        public var badRows: [Skipped]
        public struct Skipped: Encodable {
            public var id: String
            public var origin: String
            public var reason: String
        }
    }

    public var tool = "blankspot"
    public var version = BlankSpotVersion.string
    public var command: [String]
    /// The `blankspot coverage` options that recreate the coverage (absolute paths), whichever
    /// command ran it (``CoverageRequest/coverageArguments``).
    public var coverageArguments: [String]?
    public var startedUTC: String
    public var threads: Int
    public var parameters: [String: String]
    public var inputs: [Input]
    public var grid: GridGeometrySummary
    public var terrain: TerrainReportSummary
    public var towers: TowerUse
    public var counts: [String: Int]
    public var timingsS: [String: Double]
    public var outputs: [String]

    public struct GridGeometrySummary: Encodable {
        public var crs: String
        public var originXM: Double
        public var originYM: Double
        public var cellSizeM: Double
        public var width: Int
        public var height: Int
    }

    public struct TerrainReportSummary: Encodable {
        public var method: String
        public var cellSizeFrom: String
        public var validCells: Int
        public var sources: [String]
    }

    /// Describes an input file: size and SHA-256 of its bytes (nil for GDAL virtual paths, or
    /// when `cancelled` stops the hashing).
    public static func input(role: String, path: String, cancelled: () -> Bool = { false }) -> Input {
        guard let attrs = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attrs[.size] as? NSNumber)?.intValue else {
            return Input(role: role, path: path, bytes: nil, sha256: nil)
        }
        return Input(role: role, path: path, bytes: size, sha256: FileDigest.sha256Hex(path: path, cancelled: cancelled))
    }

    public func write(to path: String) throws {
        try OutputJSON.encoder().encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// Hashes input files on a background thread while the job reads, sweeps and writes (the
/// file reads and SHA-256 would otherwise add a few tenths of a second per 100 MB at the end).
///
/// The job that starts it must end it: ``inputs`` on success, ``cancelAndWait()`` on every
/// path (a `defer`). A process must not exit while the thread is inside OpenSSL: the library's
/// exit handlers tear down what the digest is using, and the process crashes after its error
/// message.
final class BackgroundInputHasher: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: [RunManifest.Input] = []
    private let stop = Mutex(false)

    init(_ inputs: [(role: String, path: String)]) {
        group.enter()
        DispatchQueue.global(qos: .utility).async {
            self.result = inputs.map { RunManifest.input(role: $0.role, path: $0.path, cancelled: { self.stop.withLock { $0 } }) }
            self.group.leave()
        }
    }

    /// The inputs with sizes and hashes (waits for the hashing to finish).
    var inputs: [RunManifest.Input] {
        group.wait()
        return result
    }

    /// Stops the hashing at its next chunk and waits until the thread has left it.
    func cancelAndWait() {
        stop.withLock { $0 = true }
        group.wait()
    }
}

/// UTC now as ISO 8601.
func utcTimestamp() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
}

import Foundation

/// Paths to the committed test fixtures (Tests/Fixtures), each with its provenance README.
public enum Fixtures {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The real SRTM3 tile of the White Mountains (USA), zipped (kept in data/, shared with the sample).
    public static var whiteMountainsTile: String {
        root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/srtm3-N44W072-white-mountains/N44W072.hgt.zip").path
    }
}

/// Result of running a program.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs external programs (gdal-bin tools, the built blankspot executable).
public enum ExternalTool {
    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`; `environment`
    /// adds to (or replaces in) this process's environment.
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                           environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        // Output goes to temporary files, so neither stream can fill a pipe and block.
        let tmp = FileManager.default.temporaryDirectory
        let outURL = tmp.appendingPathComponent("bs-out-\(UUID().uuidString)")
        let errURL = tmp.appendingPathComponent("bs-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The built `kalsel-sample` tool beside the test bundle.
    public static var kalselSample: String {
        URL(fileURLWithPath: blankspot).deletingLastPathComponent().appendingPathComponent("kalsel-sample").path
    }

    /// The project's data/ folder.
    public static var dataFolder: String {
        Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path
    }

    /// The built `blankspot` executable beside the test bundle.
    public static var blankspot: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for dir in candidates {
            let p = dir.appendingPathComponent("blankspot").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return candidates[0].appendingPathComponent("blankspot").path
    }
}

/// A fresh temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ label: String = "blankspot-test") {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    private var owned = true

    /// A folder `name` inside `parent`, removed with the parent.
    public static func inside(_ parent: TemporaryDirectory, _ name: String) -> TemporaryDirectory {
        let d = TemporaryDirectory(path: parent.file(name))
        try! FileManager.default.createDirectory(atPath: d.path, withIntermediateDirectories: true)
        d.owned = false
        return d
    }

    private init(path: String) { self.path = path }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { if owned { try? FileManager.default.removeItem(atPath: path) } }
}

import BlankSpotCore
import Dispatch
import Foundation

/// An output folder that appears only when complete.
///
/// Files are written into a hidden temporary folder beside the destination (same parent, so
/// the final rename is atomic on one file system) and renamed into place by ``commit()``. On
/// an error the temporary folder is removed; on Ctrl-C / SIGTERM too, before the process exits.
public final class StagedOutputFolder: @unchecked Sendable {
    let destination: URL
    let staging: URL
    private let overwrite: Bool
    private var signalSources: [DispatchSourceSignal] = []
    /// The outermost folder this run created to hold the destination, removed again by
    /// ``discard()`` so that a failed run leaves nothing behind.
    private var createdParent: URL?

    public init(destination path: String, overwrite: Bool) throws {
        destination = URL(fileURLWithPath: path).standardizedFileURL
        self.overwrite = overwrite
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: parent.path) {
            var outermost = parent
            while !fm.fileExists(atPath: outermost.deletingLastPathComponent().path) { outermost = outermost.deletingLastPathComponent() }
            do {
                try fm.createDirectory(at: parent, withIntermediateDirectories: true)
                createdParent = outermost
            } catch {
                throw OutputError("\(path): cannot create the parent folder \(parent.path) (\(error.localizedDescription))")
            }
        }
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError("\(path): \(parent.path) is not a folder")
        }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("--out: expected a folder to create, got an empty path")
        }
        var destinationIsDir: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &destinationIsDir) {
            guard overwrite else { throw OutputError("\(path) already exists; choose another --out or add --overwrite") }
            // --overwrite replaces only what blankspot wrote: a folder holding its run.json, or
            // an empty folder. Anything else (a home folder, a data folder, a file) is refused.
            guard destinationIsDir.boolValue else { throw OutputError("\(path) is a file; --overwrite replaces only an output folder of blankspot") }
            let entries = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
            if !entries.isEmpty && !Self.isBlankspotOutput(destination) {
                throw OutputError("\(path) is not an output folder of blankspot (it has no run.json or summary.json written by blankspot); --overwrite will not replace it: choose another --out")
            }
        }
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError("\(parent.path): cannot create a folder there (\(error.localizedDescription))")
        }
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            let staging = self.staging, createdParent = self.createdParent
            source.setEventHandler {
                try? FileManager.default.removeItem(at: staging)
                if let createdParent { try? FileManager.default.removeItem(at: createdParent) }
                FileHandle.standardError.write(Data("blankspot: interrupted; no output written\n".utf8))
                // _exit, not exit: the sweep's threads are still running, and the C libraries'
                // exit handlers (GDAL, OpenSSL) must not run under them. Nothing is buffered:
                // stderr is written directly and the output is gone.
                _exit(128 + sig)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Whether `folder` is an output of blankspot: a run.json it wrote (`"tool" : "blankspot"`),
    /// the summary.json of `villages` (with its `population_source` and `rules`), a tiled
    /// run's plan.json or a task's tile.json.
    static func isBlankspotOutput(_ folder: URL) -> Bool {
        func json(_ name: String) -> [String: Any]? {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        if json("run.json")?["tool"] as? String == "blankspot" { return true }
        if let summary = json("summary.json"), summary["population_source"] != nil, summary["rules"] != nil { return true }
        // A tiled run's plan folder, and one task's results in it.
        if let plan = json(TilePlan.fileName), plan["blankspot_version"] != nil, plan["tiles"] != nil { return true }
        if json(TileRecord.fileName)?["plan_sha256"] != nil { return true }
        return false
    }

    /// Path of a file inside the staging folder.
    public func path(_ name: String) -> String { staging.appendingPathComponent(name).path }

    /// Moves the finished folder into place (replacing the old one with --overwrite).
    public func commit() throws {
        let fm = FileManager.default
        var old: URL?
        if fm.fileExists(atPath: destination.path) {
            guard overwrite else { throw OutputError("\(destination.path) appeared while running; not replaced") }
            let aside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
            try fm.moveItem(at: destination, to: aside)
            old = aside
        }
        try fm.moveItem(at: staging, to: destination)
        if let old { try? fm.removeItem(at: old) }
        stopWatchingSignals()
    }

    /// Removes the staging folder (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        if let createdParent { try? FileManager.default.removeItem(at: createdParent) }
        stopWatchingSignals()
    }

    private func stopWatchingSignals() {
        for s in signalSources { s.cancel() }
        signalSources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

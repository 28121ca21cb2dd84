import BlankSpotCore
import Foundation

/// `blankspot tiles status`: which tasks of a plan are done, failed or missing.
public struct TileStatus: Sendable {
    public enum State: String, Sendable {
        /// tile-K/ holds a tile.json of this plan.
        case done
        /// The last attempt failed (tile-K.failed), and no result is there.
        case failed
        /// Neither: not run yet, still running, or killed before it could say.
        case missing
        /// tile-K/ holds the result of another plan (the plan was made again).
        case stale
    }

    public struct Entry: Sendable {
        public var index: Int
        public var state: State
        /// Why it failed (tile-K.failed), or what is wrong with the result.
        public var detail: String
    }

    public var entries: [Entry]
    public var planSha256: String

    public var notDone: [Int] { entries.filter { $0.state != .done }.map(\.index) }

    public static func scan(planFolder: String) throws -> TileStatus {
        let (plan, sha) = try TilePlan.read(folder: planFolder)
        let tiles = (planFolder as NSString).appendingPathComponent(TilePlan.tilesFolderName) as NSString
        let fm = FileManager.default
        var entries: [Entry] = []
        for t in plan.tiles {
            let folder = tiles.appendingPathComponent(TilePlan.tileFolderName(t.index))
            let failed = folder + ".failed"
            if fm.fileExists(atPath: (folder as NSString).appendingPathComponent(TileRecord.fileName)) {
                do {
                    let record = try TileRecord.read(folder: folder)
                    if record.planSha256 != sha {
                        entries.append(Entry(index: t.index, state: .stale, detail: "made from another plan.json (SHA-256 \(record.planSha256.prefix(12))…)"))
                    } else if record.towerIndices != t.towerIndices || record.index != t.index {
                        entries.append(Entry(index: t.index, state: .stale, detail: "holds other towers than the plan's tile \(t.index)"))
                    } else {
                        entries.append(Entry(index: t.index, state: .done, detail: ""))
                    }
                } catch {
                    entries.append(Entry(index: t.index, state: .stale, detail: "\(error)"))
                }
            } else if let reason = fm.contents(atPath: failed).map({ String(decoding: $0, as: UTF8.self) }) {
                entries.append(Entry(index: t.index, state: .failed, detail: reason.trimmingCharacters(in: .whitespacesAndNewlines)))
            } else {
                entries.append(Entry(index: t.index, state: .missing, detail: ""))
            }
        }
        return TileStatus(entries: entries, planSha256: sha)
    }

    /// Indices as Slurm's `--array` takes them: ranges joined by commas ("0-3,7,9-10").
    public static func arraySpec(_ indices: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let s = indices.sorted()
        while i < s.count {
            var j = i
            while j + 1 < s.count && s[j + 1] == s[j] + 1 { j += 1 }
            parts.append(j == i ? "\(s[i])" : "\(s[i])-\(s[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}

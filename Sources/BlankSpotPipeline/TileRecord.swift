import BlankSpotCore
import Foundation

/// tile.json: what one task of a tiled run computed, beside its partial grids
/// (best_value.tif, best_tower.tif, server_count.tif over `partial_window`).
public struct TileRecord: Codable, Sendable {
    public static let fileName = "tile.json"
    public static let bestValueFileName = "best_value.tif"
    public static let bestTowerFileName = "best_tower.tif"
    public static let serverCountFileName = "server_count.tif"

    /// SHA-256 of the plan.json the task ran from: the mosaic takes only tiles of its plan.
    public var planSha256: String
    public var index: Int
    public var towerIndices: [Int]
    /// Per tower of the tile (in `tower_indices` order).
    public var towers: [TowerResult]
    /// Where the partial grids lie on the run's grid; nil when the towers reached no cell.
    public var partialWindow: CellWindow?
    public var host: String
    public var threads: Int
    public var readS: Double
    public var sweepS: Double
    public var writeS: Double

    public struct TowerResult: Codable, Sendable {
        public var index: Int
        /// The farthest served cell's distance, m; −1 when none (as ``CoverageGrids/servedExtentM``).
        public var servedToM: Double
        public var reach: TowerReach
    }

    static func read(folder: String) throws -> TileRecord {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be read")
        }
        do {
            return try OutputJSON.decoder().decode(TileRecord.self, from: data)
        } catch {
            throw InputError(file: path, message: "is not a tile record this blankspot can read (\(error))")
        }
    }
}

import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// plan.json of a tiled run: the run's options, its grid, its towers, and the tasks. The same
/// inputs and options, planned in the same folder, give the same bytes (no timestamp), so a
/// plan made again leaves its finished tasks valid.
///
/// The plan folder holds everything the tasks read besides the plan: the terrain and (with
/// land cover) the class of each cell on the analysis grid, prepared once, so that a task
/// reads only its window and gets the very values a single run computes. Tasks write their
/// partial grids under `tiles/`; the mosaic merges them into the run's outputs.
public struct TilePlan: Codable, Sendable {
    public static let fileName = "plan.json"
    public static let terrainFileName = "terrain.tif"
    public static let landCoverFileName = "landcover_class.tif"
    public static let tilesFolderName = "tiles"
    public static let currentFormat = 1

    public var format = TilePlan.currentFormat
    public var blankspotVersion = BlankSpotVersion.string
    /// The `run` options the plan was made from, as given (relative paths are relative to
    /// ``workingDirectory``); tasks and the mosaic parse them again.
    public var runArguments: [String]
    public var workingDirectory: String
    public var inputs: [RunManifest.Input]
    public var grid: GridGeometry
    public var crsLabel: String
    public var terrain: TerrainReport
    /// Whether landcover_class.tif is in the folder (the model reads land cover).
    public var hasLandCoverClasses: Bool
    public var tileKm: Double
    public var tileCells: Int
    /// Every tower's farthest evaluated cell (the reach's cap), cells.
    public var discRadiusCells: Int
    public var marginCells: Int
    public var alignCells: Int
    /// The towers used, by index (as in best_server.tif).
    public var sites: [GridSite]
    public var skipped: [SkippedTower]
    public var rejected: [TowerReadResult.Rejected]
    public var tiles: [PlannedTile]

    public struct SkippedTower: Codable, Sendable {
        public var tower: Tower
        public var reason: String
    }

    public static func read(folder: String) throws -> (plan: TilePlan, sha256: String) {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be read; expected the plan.json that `blankspot tiles plan` writes")
        }
        do {
            let plan = try OutputJSON.decoder().decode(TilePlan.self, from: data)
            guard plan.format == currentFormat else {
                throw InputError(file: path, field: "format", message: "is \(plan.format); expected \(currentFormat) (plan again with this blankspot)")
            }
            return (plan, FileDigest.sha256Hex(of: [UInt8](data)))
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(file: path, message: "is not a plan this blankspot can read (\(error)); make it again with `blankspot tiles plan`")
        }
    }

    public func data() throws -> Data { try OutputJSON.encoder().encode(self) }

    /// The folder of task `index`'s results.
    public static func tileFolderName(_ index: Int) -> String { "tile-" + String(format: "%05d", index) }
}

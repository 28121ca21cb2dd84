import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Towers and terrain on one analysis grid, ready for the engine.
public struct Scenario: Sendable {
    public var towers: [Tower]
    /// The towers on the grid (a subset of `towers`, `index` = position in `towers`).
    public var sites: [GridSite]
    /// Towers not used, with the reason ("outside the terrain").
    public var skipped: [(tower: Tower, reason: String)]
    public var terrain: TerrainRaster
    public var terrainReport: TerrainReport
    public var crsLabel: String
}

/// Reads the towers and the DEMs and places the towers on the analysis grid.
public enum ScenarioLoader {
    /// - Parameters:
    ///   - marginM: how far beyond each tower the grid must reach (the sweep radius).
    ///   - threads: threads for warping the DEMs.
    ///   - warn: receives one line per skipped tower.
    public static func load(towersPath: String, demPaths: [String], crs crsText: String?, resolutionM: Double?,
                            marginM: Double, threads: Int = 1, warn: (String) -> Void) throws -> Scenario {
        let towers = try TowerFileReader.read(path: towersPath)
        let dems = try DEMSet(paths: demPaths)
        // Towers outside every DEM's box are left out before anything is sized on them.
        let onTerrain = try dems.covers(towers.map { ($0.lonDeg, $0.latDeg) })
        let candidates = towers.indices.filter { onTerrain[$0] }
        guard !candidates.isEmpty else {
            throw InputError(file: towersPath, message: "all \(towers.count) towers lie outside the terrain of \(demPaths.joined(separator: ", ")); expected towers inside the DEM")
        }
        let crs: AnalysisCRS
        if let crsText {
            crs = try AnalysisCRS(userInput: crsText)
        } else {
            let lons = candidates.map { towers[$0].lonDeg }, lats = candidates.map { towers[$0].latDeg }
            crs = try AnalysisCRS(utmZoneOfLonDeg: (lons.min()! + lons.max()!) / 2, latDeg: (lats.min()! + lats.max()!) / 2)
        }
        let projected = crs.project(lonLat: towers.map { ($0.lonDeg, $0.latDeg) })
        let placeable = candidates.compactMap { projected[$0] }
        guard let area = ProjectedExtent(points: placeable, marginM: marginM) else {
            throw InputError(file: towersPath, message: "no tower can be projected to \(crs.label)")
        }
        let (terrain, report) = try TerrainLoader.load(dems: dems, crs: crs, area: area, resolutionM: resolutionM, threads: threads)
        var sites: [GridSite] = []
        var skipped: [(Tower, String)] = []
        for (i, tower) in towers.enumerated() {
            guard onTerrain[i] else {
                skipped.append((tower, "outside the terrain"))
                continue
            }
            guard let p = projected[i] else {
                skipped.append((tower, "cannot be projected to \(crs.label)"))
                continue
            }
            guard let cell = terrain.grid.cell(containingXM: p.xM, yM: p.yM) else {
                skipped.append((tower, "outside the terrain"))
                continue
            }
            let ground = terrain.heightM(col: cell.col, row: cell.row)
            guard !ground.isNaN else {
                skipped.append((tower, "the terrain has no height (nodata) at the tower"))
                continue
            }
            sites.append(GridSite(index: i, col: cell.col, row: cell.row, groundM: Double(ground), tower: tower, xM: p.xM, yM: p.yM))
        }
        for (t, reason) in skipped {
            warn("tower '\(t.id)' (\(t.origin)) skipped: \(reason)")
        }
        guard !sites.isEmpty else {
            throw InputError(file: towersPath, message: "all \(towers.count) towers lie outside the terrain of \(demPaths.joined(separator: ", ")); expected towers inside the DEM")
        }
        return Scenario(towers: towers, sites: sites, skipped: skipped, terrain: terrain, terrainReport: report, crsLabel: crs.label)
    }
}

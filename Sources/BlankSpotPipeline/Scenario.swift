import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Towers and terrain on one analysis grid, ready for the engine.
public struct Scenario: Sendable {
    /// The towers used, in input order; a tower's position here is its index in
    /// `best_server.tif` and `towers.csv`.
    public var towers: [Tower]
    /// The used towers on the grid (`index` = position in `towers`).
    public var sites: [GridSite]
    /// Towers not used, with the reason ("outside the terrain").
    public var skipped: [(tower: Tower, reason: String)]
    /// Rows of the tower file that give no usable tower (kept with `--skip-bad-rows`).
    public var rejected: [TowerReadResult.Rejected] = []
    public var terrain: TerrainRaster
    public var terrainReport: TerrainReport
    public var crsLabel: String
}

/// How to read the tower file: `--column` mappings and `--skip-bad-rows`.
public struct TowerReading: Sendable {
    public var mapping: [TowerField: String] = [:]
    /// Go on with the good rows and list the bad ones, instead of stopping at them.
    public var skipBadRows = false
    /// Refuse the run when its estimated memory exceeds this; nil = the machine's memory.
    public var maxMemoryBytes: Double?
    /// The clutter the terrain carries (P.1812's profile clutter); `.none` = bare terrain.
    public var clutter: ClutterSource = .none
    public init(mapping: [TowerField: String] = [:], skipBadRows: Bool = false) {
        self.mapping = mapping
        self.skipBadRows = skipBadRows
    }
}

/// Reads the towers and the DEMs and places the towers on the analysis grid.
public enum ScenarioLoader {
    /// - Parameters:
    ///   - marginM: how far beyond each tower the grid must reach (the sweep radius).
    ///   - threads: threads for warping the DEMs.
    ///   - towerReading: how to read the tower file (`--column`, `--skip-bad-rows`).
    ///   - warn: receives how the tower file was read, and one line per skipped tower.
    public static func load(towersPath: String, demPaths: [String], crs crsText: String?, resolutionM: Double?,
                            marginM: Double, threads: Int = 1, towerReading: TowerReading = TowerReading(),
                            warn: (String) -> Void) throws -> Scenario {
        let read = try TowerFileReader.read(path: towersPath, mapping: towerReading.mapping)
        warn("\(towersPath): " + read.notes.joined(separator: "; "))
        if !towerReading.skipBadRows { _ = try read.requireAllGood(file: towersPath) }
        for r in read.rejected.prefix(InputProblems.shown) { warn("skipped \(r.origin): \(r.reason)") }
        if read.rejected.count > InputProblems.shown { warn("… and \(read.rejected.count - InputProblems.shown) more bad rows skipped") }
        if !read.rejected.isEmpty { warn("\(read.rejected.count) bad rows of \(towersPath) skipped (--skip-bad-rows); they are listed in towers.csv and run.json") }
        let towers = read.towers
        guard !towers.isEmpty else {
            throw InputError(file: towersPath, message: "no usable tower: all \(read.rejected.count) rows are bad")
        }
        let dems = try DEMSet(paths: demPaths)
        // Towers outside every DEM's box are left out before anything is sized on them.
        let onTerrain = try dems.covers(towers.map { ($0.lonDeg, $0.latDeg) })
        let candidates = towers.indices.filter { onTerrain[$0] }
        let boxes = try dems.lonLatBounds()
        func outside(_ t: Tower) -> String {
            let km = boxes.map { DEMSet.approximateDistanceKm(lonDeg: t.lonDeg, latDeg: t.latDeg, box: $0) }.min() ?? 0
            let swappedInside = (-180...180).contains(t.latDeg) && (-90...90).contains(t.lonDeg)
                && boxes.contains { t.latDeg >= $0.minLon && t.latDeg <= $0.maxLon && t.lonDeg >= $0.minLat && t.lonDeg <= $0.maxLat }
            return "outside the terrain, about \(String(format: "%.1f", km)) km from the edge of the DEMs"
                + (swappedInside ? " (longitude and latitude seem swapped: swapped, the point lies on the DEM)" : "")
        }
        guard !candidates.isEmpty else {
            let nearest = towers.map { t in (t, boxes.map { DEMSet.approximateDistanceKm(lonDeg: t.lonDeg, latDeg: t.latDeg, box: $0) }.min() ?? 0) }
                .min { $0.1 < $1.1 }!
            throw InputError(file: towersPath, message: "all \(towers.count) towers lie outside the terrain of \(demPaths.joined(separator: ", ")); the nearest, '\(nearest.0.id)' (\(nearest.0.origin)), is about \(String(format: "%.1f", nearest.1)) km from its edge; expected towers inside the DEM (swapped longitude and latitude, or the wrong DEM?)")
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
        let (bareTerrain, report) = try TerrainLoader.load(dems: dems, crs: crs, area: area, resolutionM: resolutionM, threads: threads) { grid in
            let estimate = RunMemoryEstimate(cells: grid.cellCount, cellSizeM: grid.cellSizeM, threads: threads, radiusM: marginM)
            if let limit = towerReading.maxMemoryBytes {
                try estimate.check(limitBytes: limit, limitName: "--max-memory-gb")
            } else {
                try estimate.check(limitBytes: Double(ProcessInfo.processInfo.physicalMemory), limitName: "this machine's memory")
            }
        }
        let terrainWithClutter: TerrainRaster
        let terrain = bareTerrain
        switch towerReading.clutter {
        case .none:
            terrainWithClutter = terrain
        case .uniform(let u):
            terrainWithClutter = terrain.withLandCover(CellLandCover(uniform: u.landCoverClass))
        case .landCover(let paths, let table, _):
            let codes = try LandCoverRaster.load(paths: paths, onto: terrain.grid, threads: threads)
            let landCover = try CellLandCover(codes: codes, noData: LandCoverRaster.noData, table: table, file: paths.joined(separator: ", "))
            let unknown = Set(codes).filter { $0 != LandCoverRaster.noData && table.classes[Int($0)] == nil }.sorted()
            if !unknown.isEmpty {
                warn("land cover: class\(unknown.count == 1 ? "" : "es") \(unknown.prefix(10).map(String.init).joined(separator: ", ")) not in the table; those cells take its fallback (\(table.fallback.category), \(table.fallback.clutterHeightM.formatted) m)")
            }
            terrainWithClutter = terrain.withLandCover(landCover)
        }
        var sites: [GridSite] = []
        var skipped: [(Tower, String)] = []
        for (i, tower) in towers.enumerated() {
            guard onTerrain[i] else {
                skipped.append((tower, outside(tower)))
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
            // Only used towers are numbered: the index is the value of best_server.tif.
            sites.append(GridSite(index: sites.count, col: cell.col, row: cell.row, groundM: Double(ground), tower: tower, xM: p.xM, yM: p.yM))
        }
        for (t, reason) in skipped {
            warn("tower '\(t.id)' (\(t.origin)) skipped: \(reason)")
        }
        guard !sites.isEmpty else {
            throw InputError(file: towersPath, message: "all \(towers.count) towers lie outside the terrain of \(demPaths.joined(separator: ", ")); expected towers inside the DEM")
        }
        return Scenario(towers: sites.map(\.tower), sites: sites, skipped: skipped, rejected: read.rejected, terrain: terrainWithClutter, terrainReport: report,
                        crsLabel: crs.label)
    }
}

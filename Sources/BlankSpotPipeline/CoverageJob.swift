import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Everything `blankspot coverage` needs to know.
public struct CoverageRequest: Sendable {
    public var demPaths: [String]
    public var towersPath: String
    public var outPath: String
    public var model: CoverageModelKind
    public var settings: SweepSettings
    public var crs: String?
    public var resolutionM: Double?
    public var threads: Int
    public var overwrite: Bool
    public var commandLine: [String]
    public var signal: SignalOptions
    /// `--column` and `--skip-bad-rows`.
    public var towerReading = TowerReading()

    public init(demPaths: [String], towersPath: String, outPath: String, model: CoverageModelKind,
                settings: SweepSettings, crs: String?, resolutionM: Double?, threads: Int,
                overwrite: Bool, commandLine: [String], signal: SignalOptions = SignalOptions()) {
        self.signal = signal
        self.demPaths = demPaths
        self.towersPath = towersPath
        self.outPath = outPath
        self.model = model
        self.settings = settings
        self.crs = crs
        self.resolutionM = resolutionM
        self.threads = threads
        self.overwrite = overwrite
        self.commandLine = commandLine
    }
}

/// What a finished coverage run reports back.
public struct CoverageSummary: Sendable {
    public var outPath: String
    public var towersUsed: Int
    public var towersSkipped: Int
    public var cells: Int
    public var servedCells: Int
    /// Towers serving cells at the edge of the radius (see towers.csv `cut_at_radius`).
    public var towersCutAtRadius: Int
    public var timingsS: [String: Double]
}

/// `blankspot coverage`: read → sweep → write, into a folder that appears only when complete.
public enum CoverageJob {
    public static func run(_ request: CoverageRequest, log: (String) -> Void, progress: ProgressReporter? = nil) throws -> CoverageSummary {
        try request.settings.validate()
        guard request.threads >= 1 else { throw UsageError("--threads must be at least 1, got \(request.threads)") }
        // Refuse an existing destination before spending time on the work.
        let output = try StagedOutputFolder(destination: request.outPath, overwrite: request.overwrite)
        do {
            let summary = try write(request, into: output, log: log, progress: progress)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Does the work, writing into `output` (which the caller commits).
    static func write(_ request: CoverageRequest, into output: StagedOutputFolder, log: (String) -> Void,
                      progress: ProgressReporter?) throws -> CoverageSummary {
        try request.settings.validate()
        let started = utcTimestamp()
        let clock = ContinuousClock()
        var timings: [String: Double] = [:]
        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let hasher = BackgroundInputHasher(hashedInputs(request))
        defer { hasher.cancelAndWait() }
        do {
            progress?.stage("reading towers and terrain")
            var t0 = clock.now
            let scenario = try loadScenario(request, log: log)
            timings["read"] = seconds(clock.now - t0)
            t0 = clock.now
            progress?.stage("sweeping \(scenario.sites.count) towers (\(request.model.rawValue))")
            var report: (@Sendable (Double) -> Void)?
            if let progress { report = { progress.fraction($0) } }
            // One tile holding every tower and the whole grid: a tiled run's task does the same
            // on its own window (TileTask), and the mosaic merges what they give.
            let grids = TileSweep.sweep(terrain: scenario.terrain, sites: scenario.sites, request: request, progress: report)
            timings["sweep"] = seconds(clock.now - t0)
            return try finish(request, scenario: scenario, grids: grids, into: output, log: log, progress: progress,
                              started: started, timings: timings, inputs: { hasher.inputs })
        }
    }

    /// Everything after the sweep, shared by a single run and a tiled run's mosaic: the cut
    /// towers, the rasters and their styles, towers.csv and run.json.
    static func finish(_ request: CoverageRequest, scenario: Scenario, grids: CoverageGrids, into output: StagedOutputFolder,
                       log: (String) -> Void, progress: ProgressReporter?, started: String, timings sweepTimings: [String: Double],
                       inputs: () -> [RunManifest.Input]) throws -> CoverageSummary {
        let clock = ContinuousClock()
        var timings = sweepTimings
        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        do {
            // A tower is cut when its coverage may go on beyond where it was evaluated: with a
            // fixed radius, it serves cells in the outermost 1.5 cells of its disc; with the
            // automatic reach, it still serves cells in the outer band where it was evaluated,
            // the cap (or, with --reach-scale, the cap scaled). A scaled sweep that stopped short
            // of the scaled cap stopped at the model's reach, beyond which nothing can be served:
            // not cut.
            let cellM = scenario.terrain.grid.cellSizeM
            let cutLimitM = request.settings.radiusM - 1.5 * cellM
            let outerShare = request.settings.automaticReach?.emptyOuterShare ?? 0
            let cutFlags = zip(grids.servedExtentM, grids.reach).map { served, reach in
                (reach.basis == .cap && reach.evaluatedM >= request.settings.outermostRadiusM - cellM && served >= reach.evaluatedM * (1 - outerShare))
                    || (reach.basis == .fixed && served >= cutLimitM)
            }
            let cut = cutFlags.filter { $0 }.count
            if let rule = request.settings.automaticReach {
                log(ReachReport.line(grids.reach, rule: rule, capM: request.settings.radiusM))
            }
            if cut > 0 {
                let limit = request.settings.automaticReach == nil
                    ? "the edge of --radius-km \(CSVWriter.number(request.settings.radiusM / 1000))"
                    : "the automatic reach's cap, --max-reach-km \(CSVWriter.number(request.settings.radiusM / 1000))"
                log("\(cut) of \(scenario.sites.count) towers serve cells at \(limit): their coverage is cut there (towers.csv: cut_at_radius), and a larger radius could change the verdicts")
            }
            progress?.stage("writing rasters")

            let t0 = clock.now
            let metadata = rasterMetadata(request, scenario: scenario)
            let products: [(file: String, product: RasterProduct)]
            if request.model == .los {
                products = CoverageProducts.lineOfSight(grids, terrain: scenario.terrain, towerCount: scenario.towers.count,
                                                        metadata: metadata, threads: request.threads)
            } else {
                let thresholds = scenario.towers.map { Float(request.signal.thresholds.dBm(for: $0.technology)) }
                products = CoverageProducts.signal(grids, terrain: scenario.terrain, thresholdDBmByTower: thresholds,
                                                   metadata: metadata, threads: request.threads)
            }
            try writeRasters(products, grid: scenario.terrain.grid, into: output, threads: request.threads)
            let styleThresholds = request.model == .los ? [] : OutputStyles.thresholds(of: scenario.towers.map(\.technology), request.signal.thresholds)
            let styles = try writeStyles(products, thresholds: styleThresholds, into: output)
            try TowerTableWriter.write(scenario, thresholds: request.model == .los ? nil : request.signal.thresholds,
                                       servedExtentM: grids.servedExtentM, reach: grids.reach, cutFlags: cutFlags, to: output.path("towers.csv"))
            timings["write"] = seconds(clock.now - t0)

            let served = CoverageProducts.withGridPointers(grids, scenario.terrain) { g in
                var n = 0
                for i in 0..<g.heights.count where g.serverCount[i] > 0 && !g.heights[i].isNaN { n += 1 }
                return n
            }
            let manifest = makeManifest(request, scenario: scenario, started: started, timings: timings,
                                        served: served, towersCut: cut, outputs: products.map(\.file) + styles + ["towers.csv", "run.json"],
                                        inputs: inputs())
            try manifest.write(to: output.path("run.json"))
            progress?.done()
            return CoverageSummary(outPath: output.destination.path, towersUsed: scenario.sites.count,
                                   towersSkipped: scenario.skipped.count, cells: scenario.terrain.grid.cellCount,
                                   servedCells: served, towersCutAtRadius: cut, timingsS: timings)
        }
    }

    /// The input files whose size and SHA-256 run.json records.
    static func hashedInputs(_ request: CoverageRequest) -> [(role: String, path: String)] {
        var hashed: [(role: String, path: String)] = [("towers", request.towersPath)] + request.demPaths.map { ("dem", $0) }
        if case .landCover(let paths, _, let tableName) = request.towerReading.clutter {
            hashed += paths.map { ("landcover", $0) }
            if tableName != WorldCoverTable.table.name { hashed.append(("landcover_table", tableName)) }
        }
        return hashed
    }

    /// The towers and the terrain (with the clutter the model reads) on the run's grid, checked
    /// against the model.
    static func loadScenario(_ request: CoverageRequest, log: (String) -> Void) throws -> Scenario {
        // Clutter enters P.1812's profile, ITM's receiver (P.2108 §3.1) and Hata's
        // environment; free space and line of sight run on bare terrain (and say so).
        var reading = request.towerReading
        if !request.model.usesClutter && reading.clutter != .none {
            log("clutter (\(reading.clutter.description)) is not used by --model \(request.model.rawValue), which runs on bare terrain")
            reading.clutter = .none
        }
        let scenario = try ScenarioLoader.load(
            towersPath: request.towersPath, demPaths: request.demPaths, crs: request.crs,
            resolutionM: request.resolutionM, marginM: request.settings.outermostRadiusM + 500, threads: request.threads,
            towerReading: reading, warn: log)
        try request.model.validate(scenario.sites, options: request.signal, settings: request.settings,
                                   hasLandCover: scenario.terrain.landCover != nil, warn: log)
        return scenario
    }

    /// The clutter the model reads (none for free space and line of sight).
    static func modelClutter(_ request: CoverageRequest) -> ClutterSource {
        request.model.usesClutter ? request.towerReading.clutter : .none
    }

    /// The `.qml` sidecar of each raster that has a style (QGIS applies it when the raster is
    /// opened); returns the files written.
    static func writeStyles(_ products: [(file: String, product: RasterProduct)], thresholds: [(technology: String, dBm: Double)],
                            into output: StagedOutputFolder) throws -> [String] {
        var written: [String] = []
        for (file, product) in products {
            guard let qml = OutputStyles.rasterQML(file: file, product: product, signalThresholds: thresholds) else { continue }
            let name = String(file.dropLast(4)) + ".qml"
            try qml.write(toFile: output.path(name), atomically: false, encoding: .utf8)
            written.append(name)
        }
        return written
    }

    /// Writes the rasters one after the other, each with all `threads` (overviews and tile
    /// compression run in parallel inside a raster).
    static func writeRasters(_ products: [(file: String, product: RasterProduct)], grid: GridGeometry,
                             into output: StagedOutputFolder, threads: Int) throws {
        for (file, product) in products {
            try GeoTIFFWriter.write(product, grid: grid, to: output.path(file), threads: threads)
        }
    }

    static func parameterList(_ request: CoverageRequest, scenario: Scenario) -> [String: String] {
        var p = [
            "model": request.model.rawValue,
            "radius_m": CSVWriter.number(request.settings.radiusM),
            "reach": ReachReport.rule(request.settings),
            "rx_height_m": CSVWriter.number(request.settings.rxHeightM),
            "crs": scenario.crsLabel,
            "cell_size_m": CSVWriter.number(scenario.terrain.grid.cellSizeM),
        ]
        let o = request.signal
        p["clutter"] = request.model.usesClutter ? request.towerReading.clutter.description + "; " + request.model.clutterRule(o)
            : "none (bare terrain: --model \(request.model.rawValue) does not use clutter)"
        switch request.model {
        case .los:
            p["k_factor"] = CSVWriter.number(request.settings.kFactor)
            p["earth_radius_m"] = CSVWriter.number(request.settings.earthRadiusM)
        case .fspl, .hata, .p1812, .itm:
            let t = o.thresholds
            p["thresholds_dbm"] = "2G \(CSVWriter.number(t.gsmDBm)), 3G \(CSVWriter.number(t.umtsDBm)), 4G \(CSVWriter.number(t.lteDBm)), 5G \(CSVWriter.number(t.nrDBm))"
            p["signal_quantity"] = "2G BCCH RxLev, 3G CPICH RSCP, 4G RSRP, 5G SS-RSRP; EIRP per tower in the same quantity (towers.csv)"
            p["rx_antenna_gain_dbi"] = "0"
            p["tx_antenna_pattern"] = "3GPP TR 36.814 (horizontal 12(φ/φ3dB)² capped at 25 dB, vertical 10° beam with tilt, side lobes 20 dB)"
            if request.model == .hata {
                p["hata_environment"] = o.environment?.rawValue
                    ?? (request.towerReading.clutter == .none ? "rural (no land cover)" : "each receiver cell's land-cover class")
            }
            if request.model == .p1812 {
                p["time_percent"] = CSVWriter.number(o.timePercent)
                p["location_percent"] = CSVWriter.number(o.locationPercent)
                p["delta_n"] = CSVWriter.number(o.deltaN)
                p["n0"] = CSVWriter.number(o.n0)
                p["polarization"] = o.polarization == .vertical ? "vertical" : "horizontal"
            }
            if request.model == .itm {
                p["time_percent"] = CSVWriter.number(o.timePercent)
                p["n0"] = CSVWriter.number(o.n0)
                p["polarization"] = o.polarization == .vertical ? "vertical" : "horizontal"
                p["itm"] = "ITM 1.2.2 point to point on each ray's profile: " + o.itm.label
            }
        }
        return p
    }

    static func rasterMetadata(_ request: CoverageRequest, scenario: Scenario) -> [String: String] {
        var m: [String: String] = [:]
        for (k, v) in parameterList(request, scenario: scenario) { m["BLANKSPOT_" + k.uppercased()] = v }
        m["BLANKSPOT_VERSION"] = BlankSpotVersion.string
        m["BLANKSPOT_TOWERS_USED"] = String(scenario.sites.count)
        m["BLANKSPOT_TERRAIN"] = scenario.terrainReport.method + " from " + scenario.terrainReport.sources.map(\.path).joined(separator: ", ")
        return m
    }

    static func makeManifest(_ request: CoverageRequest, scenario: Scenario, started: String,
                             timings: [String: Double], served: Int, towersCut: Int, outputs: [String], inputs: [RunManifest.Input]) -> RunManifest {
        let grid = scenario.terrain.grid
        return RunManifest(
            command: request.commandLine, coverageArguments: request.coverageArguments, startedUTC: started, threads: request.threads,
            parameters: parameterList(request, scenario: scenario),
            inputs: inputs,
            grid: .init(crs: scenario.crsLabel, originXM: grid.originXM, originYM: grid.originYM,
                        cellSizeM: grid.cellSizeM, width: grid.width, height: grid.height),
            terrain: .init(method: scenario.terrainReport.method, cellSizeFrom: scenario.terrainReport.cellSizeFrom,
                           validCells: scenario.terrainReport.validCells,
                           sources: scenario.terrainReport.sources.map { "\($0.path) (\($0.driver), \($0.widthPx)×\($0.heightPx), \($0.crs), \(CSVWriter.number($0.nativeCellSizeM, decimals: 2)) m)" }),
            towers: .init(read: scenario.towers.count + scenario.skipped.count + scenario.rejected.count, used: scenario.sites.count,
                          skipped: scenario.skipped.map { .init(id: $0.tower.id, origin: $0.tower.origin, reason: $0.reason) },
                          badRows: scenario.rejected.map { .init(id: $0.id, origin: $0.origin, reason: $0.reason) }),
            counts: ["cells": grid.cellCount, "cells_with_terrain": scenario.terrainReport.validCells, "cells_served": served,
                     "towers_cut_at_radius": towersCut],
            timingsS: timings, outputs: outputs)
    }
}

/// towers.csv: one row per tower of the input: the used towers first, numbered as in
/// best_server.tif, then the towers off the terrain and the bad rows, without a number and with
/// the reason.
enum TowerTableWriter {
    /// - Parameters:
    ///   - servedExtentM: per used tower, the distance to its farthest served cell (−1 none).
    ///   - reach: per used tower, how far it was evaluated and why.
    ///   - cutFlags: per used tower, whether its coverage was cut where it was evaluated.
    static func write(_ scenario: Scenario, thresholds: ServiceThresholds?, servedExtentM: [Double], reach: [TowerReach],
                      cutFlags: [Bool], to path: String) throws {
        let header = ["index", "id", "lon", "lat", "x_m", "y_m", "col", "row", "ground_m", "height_m",
                      "eirp_dbm", "frequency_mhz", "azimuth_deg", "beamwidth_deg", "tilt_deg",
                      "technology", "threshold_dbm", "served_to_m", "evaluated_to_m", "reach_basis", "cut_at_radius", "status", "origin"]
        var text = CSVWriter.line(header)
        let n = { (v: Double?, d: Int) in v.map { CSVWriter.number($0, decimals: d) } ?? "" }
        func towerFields(_ t: Tower) -> [String] {
            [n(t.heightM, 2), n(t.eirpDBm, 2), n(t.frequencyMHz, 3), n(t.azimuthDeg, 2), n(t.beamwidthDeg, 2), n(t.tiltDeg, 2),
             t.technology.rawValue, n(thresholds?.dBm(for: t.technology), 1)]
        }
        for site in scenario.sites {
            let t = site.tower
            let served = site.index < servedExtentM.count ? servedExtentM[site.index] : -1
            let evaluated = site.index < reach.count ? n(reach[site.index].evaluatedM, 0) : ""
            let basis = site.index < reach.count ? reach[site.index].basis.rawValue : ""
            let cut = site.index < cutFlags.count && cutFlags[site.index]
            text += CSVWriter.line([String(site.index), t.id, n(t.lonDeg, 7), n(t.latDeg, 7), n(site.xM, 2), n(site.yM, 2),
                                    String(site.col), String(site.row), n(site.groundM, 1)] + towerFields(t)
                                   + [served < 0 ? "" : n(served, 0), evaluated, basis, cut ? "yes" : "no", "used", t.origin])
        }
        // Towers read but not on the terrain have no index: they are in no raster.
        for (t, reason) in scenario.skipped {
            text += CSVWriter.line(["", t.id, n(t.lonDeg, 7), n(t.latDeg, 7), "", "", "", "", ""] + towerFields(t) + ["", "", "", "", "skipped: " + reason, t.origin])
        }
        // Bad rows (--skip-bad-rows) have no index: they are in no raster.
        for r in scenario.rejected {
            var fields = [String](repeating: "", count: header.count)
            fields[1] = r.id
            fields[header.count - 2] = "skipped: " + r.reason
            fields[header.count - 1] = r.origin
            text += CSVWriter.line(fields)
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}

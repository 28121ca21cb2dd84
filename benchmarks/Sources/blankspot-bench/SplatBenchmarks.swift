import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// SPLAT! (Debian `splat`, HD mode, Longley-Rice) against `blankspot coverage --model p1812`,
/// one tower, 20 km, on the real SRTM tile resampled to 1″ so that SPLAT!-HD's `srtm2sdf-hd`
/// can read it; both read that same 1″ tile.
enum SplatBenchmarks {
    static let tower = (lat: 44.3878, lon: -71.1731, heightM: 35.0, frequencyMHz: 1800.0)

    static func against(mode: BenchMode) throws -> BenchResult {
        guard Shell.which("splat-hd"), Shell.which("srtm2sdf-hd") else {
            throw BenchError("SPLAT! is not installed (run tools/install-peers)")
        }
        let dir = Paths.work.appendingPathComponent("splat")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let d = dir.path
        // The 3″ tile resampled onto the SRTM1 grid (3601 × 3601 pixel-centred samples).
        let hgt = d + "/N44W072.hgt"
        var r = try Shell.run("gdalwarp", ["-q", "-overwrite", "-of", "SRTMHGT", "-te", "-72.000138888889", "43.999861111111",
                                           "-70.999861111111", "45.000138888889", "-ts", "3601", "3601", "-r", "bilinear",
                                           "/vsizip/" + Paths.whiteMountainsTile + "/N44W072.hgt", hgt])
        guard r.status == 0 else { throw BenchError("gdalwarp: \(r.output)") }
        r = try Shell.run("sh", ["-c", "cd '\(d)' && srtm2sdf-hd N44W072.hgt"])
        guard r.status == 0 else { throw BenchError("srtm2sdf-hd: \(r.output)") }
        try "TX\n\(tower.lat)\n\(-tower.lon)\n\(tower.heightM)m\n".write(toFile: d + "/tx.qth", atomically: true, encoding: .utf8)
        try """
        15.000\t; Earth Dielectric Constant
        0.005\t; Earth Conductivity (S/m)
        301.000\t; Atmospheric Bending Constant (N-units)
        \(tower.frequencyMHz)\t; Frequency (MHz)
        5\t; Radio Climate (5 = Continental Temperate)
        1\t; Polarization (1 = Vertical)
        0.50\t; Fraction of situations
        0.50\t; Fraction of time
        0.0\t; ERP (W)

        """.write(toFile: d + "/tx.lrp", atomically: true, encoding: .utf8)
        var splatRuns: [Double] = [], oursRuns: [Double] = []
        var peakSplat = 0.0, peakOurs = 0.0
        try "id,lon,lat,height_m,frequency_mhz\nTX,\(tower.lon),\(tower.lat),\(tower.heightM),\(tower.frequencyMHz)\n"
            .write(toFile: d + "/towers.csv", atomically: true, encoding: .utf8)
        let reps = mode == .quick ? 1 : 3
        for _ in 0..<reps {
            let s = try Shell.run("sh", ["-c", "cd '\(d)' && splat-hd -t tx.qth -L 1.5 -metric -R 20 -d . -olditm -ano out.ano -o map.ppm -N"])
            guard s.status == 0 else { throw BenchError("splat-hd: \(s.output)") }
            splatRuns.append(s.seconds)
            peakSplat = max(peakSplat, s.peakMiB)
            let b = try Shell.run(Paths.blankspot, ["coverage", "--dem", hgt, "--towers", d + "/towers.csv", "--out", d + "/bs",
                                                    "--overwrite", "--model", "p1812", "--radius-km", "20", "--clutter", "none"])   // SPLAT! has no clutter
            guard b.status == 0 else { throw BenchError("blankspot: \(b.output)") }
            oursRuns.append(b.seconds)
            peakOurs = max(peakOurs, b.peakMiB)
        }
        let los = try Shell.run(Paths.blankspot, ["coverage", "--dem", hgt, "--towers", d + "/towers.csv", "--out", d + "/los",
                                                  "--overwrite", "--model", "los", "--radius-km", "20", "--k-factor", "1.3333"])
        guard los.status == 0 else { throw BenchError("blankspot los: \(los.output)") }
        let agreement = try compare(ano: d + "/out.ano", signal: d + "/bs/signal_dbm.tif", visibility: d + "/los/coverage.tif")
        // blankspot's own ITM with SPLAT!'s parameters (climate 5, N0 301, εr 15, σ 0.005,
        // vertical, 50 % time and situations): two implementations of one model.
        let itm = try Shell.run(Paths.blankspot, ["coverage", "--dem", hgt, "--towers", d + "/towers.csv", "--out", d + "/itm",
                                                  "--overwrite", "--model", "itm", "--radius-km", "20", "--itm-climate", "5", "--n0", "301", "--clutter", "none"])   // SPLAT! has no clutter
        guard itm.status == 0 else { throw BenchError("blankspot itm: \(itm.output)") }
        let itmAgreement = try compare(ano: d + "/out.ano", signal: d + "/itm/signal_dbm.tif", visibility: d + "/los/coverage.tif")
        let ours = Timing.median(oursRuns), theirs = Timing.median(splatRuns)
        return BenchResult(
            name: "p1812-cli-1-tower-20km-vs-splat-hd", medianS: ours, runsS: oursRuns, cellsPerS: nil,
            figures: ["splat_hd_s": theirs, "speedup_vs_splat": theirs / ours, "blankspot_peak_mib": peakOurs.rounded(),
                      "splat_peak_mib": peakSplat.rounded(), "points_compared": Double(agreement.points),
                      "same_visibility_share": agreement.sameVisibility, "loss_difference_median_db": agreement.medianDifference,
                      "loss_difference_p90_abs_db": agreement.p90AbsDifference, "loss_difference_median_abs_db": agreement.medianAbsDifference,
                      "itm_s": itm.seconds, "itm_vs_splat_median_db": itmAgreement.medianDifference,
                      "itm_vs_splat_median_abs_db": itmAgreement.medianAbsDifference, "itm_vs_splat_p90_abs_db": itmAgreement.p90AbsDifference],
            notes: ["SPLAT! 1.4.2 splat-hd -olditm (Longley-Rice), 1800 MHz, 35 m → 1.5 m, 20 km; blankspot P.1812 at the tile's native 1″ grid; difference = blankspot P.1812 − SPLAT! ITM basic loss; visibility from blankspot --model los vs SPLAT!'s obstruction flag; itm_vs_splat = blankspot --model itm (SPLAT!'s radio parameters) − SPLAT! ITM"],
            checkPassed: agreement.points > 100_000 && agreement.sameVisibility > 0.8 && itmAgreement.medianAbsDifference < 2,
            checkDescription: "over 100,000 common points, more than 80 % same visibility, blankspot ITM within 2 dB of SPLAT!'s ITM at the median (got \(agreement.points), \(String(format: "%.3f", agreement.sameVisibility)), \(String(format: "%.2f", itmAgreement.medianAbsDifference)) dB)")
    }

    struct Agreement {
        var points: Int
        var sameVisibility: Double
        var medianDifference: Double
        var medianAbsDifference: Double
        var p90AbsDifference: Double
    }

    /// Reads SPLAT!'s alphanumeric output (lat, lon west-positive, azimuth, elevation, path loss
    /// [*: obstructed]) and compares it with blankspot's rasters at the same positions.
    static func compare(ano: String, signal: String, visibility: String) throws -> Agreement {
        let s = try RasterReader.read(path: signal), v = try RasterReader.read(path: visibility)
        let crs = try AnalysisCRS(userInput: s.grid.crsWKT)
        let text = try String(contentsOfFile: ano, encoding: .utf8)
        var lonLat: [(lonDeg: Double, latDeg: Double)] = [], loss: [Double] = [], blocked: [Bool] = []
        for line in text.split(separator: "\n") where !line.contains(";") {
            let f = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 5, let lat = Double(f[0]), let lonW = Double(f[1]) else { continue }
            let l = f[4].replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
            guard let pl = Double(l) else { continue }
            lonLat.append((-lonW, lat))
            loss.append(pl)
            blocked.append(f[4].contains("*"))
        }
        let xy = crs.project(lonLat: lonLat)
        let towerXY = crs.project(lonLat: [(tower.lon, tower.lat)])[0]!
        let budget = (eirp: 29.2, threshold: -110.0)   // blankspot's 4G defaults
        var diffs: [Double] = []
        var same = 0, compared = 0
        for i in xy.indices {
            guard let p = xy[i], let cs = s.grid.cell(containingXM: p.xM, yM: p.yM), let cv = v.grid.cell(containingXM: p.xM, yM: p.yM) else { continue }
            let vis = v.values[cv.row * v.grid.width + cv.col]
            if !vis.isNaN {
                compared += 1
                if (vis == 1) == !blocked[i] { same += 1 }
            }
            let signal = Double(s.values[cs.row * s.grid.width + cs.col])
            guard !signal.isNaN else { continue }
            // Received = EIRP + omni vertical-pattern gain − loss: undo the gain to get the loss.
            let dx = p.xM - towerXY.xM, dy = p.yM - towerXY.yM
            let dist = (dx * dx + dy * dy).squareRoot()
            let el = atan2(-tower.heightM, dist) * 180 / .pi
            let gain = -min(12 * (el / 10) * (el / 10), 20.0)
            let ourLoss = budget.eirp + gain - signal
            diffs.append(ourLoss - loss[i])
        }
        let sortedAbs = diffs.map(abs).sorted(), sorted = diffs.sorted()
        func q(_ a: [Double], _ f: Double) -> Double { a.isEmpty ? .nan : a[min(a.count - 1, Int(f * Double(a.count - 1)))] }
        _ = budget.threshold
        return Agreement(points: diffs.count, sameVisibility: compared == 0 ? 0 : Double(same) / Double(compared),
                         medianDifference: q(sorted, 0.5), medianAbsDifference: q(sortedAbs, 0.5), p90AbsDifference: q(sortedAbs, 0.9))
    }
}

import BlankSpotCore
import Foundation

/// How P.1812 engine time grows with towers, radius and threads, on one generated terrain.
enum ScalingBenchmarks {
    static func p1812Scaling(mode: BenchMode) -> BenchResult {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let size = 1600   // 48 km at 30 m
        let terrain = BenchTerrain.hills(size: size, cellM: 30, threads: threads)
        let model = CoverageModel.signal(.p1812(P1812AreaSettings(frequencyGHz: 1.8, rxHeightM: 1.5, deltaN: TropicalDefaults.deltaN,
                                                                  n0: TropicalDefaults.n0)), ServiceThresholds())
        func sites(_ n: Int) -> [GridSite] {
            let side = Int(Double(n).squareRoot().rounded(.up))
            return (0..<n).map { i in
                let col = size / 4 + (i % side) * (size / 2) / max(1, side - 1 == 0 ? 1 : side - 1)
                let row = size / 4 + (i / side) * (size / 2) / max(1, side - 1 == 0 ? 1 : side - 1)
                return BenchTerrain.site(terrain, col: min(col, size - 1), row: min(row, size - 1), heightM: 30, index: i)
            }
        }
        func time(_ s: [GridSite], radiusKm: Double, threads t: Int) -> Double {
            let settings = SweepSettings(radiusM: radiusKm * 1000)
            return Timing.median(Timing.measure(repetitions: 1) {
                _ = CoverageEngine.run(terrain: terrain, sites: s, settings: settings, model: model, threads: t)
            })
        }
        var rows: [String] = []
        var figures: [String: Double] = [:]
        let towerCounts = mode == .quick ? [1, 4, 16] : [1, 4, 16, 64]
        for n in towerCounts {
            let t = time(sites(n), radiusKm: 10, threads: threads)
            figures["towers_\(n)_r10km_s"] = t
            rows.append("towers \(n), radius 10 km, \(threads) threads: \(String(format: "%.2f", t)) s (\(String(format: "%.2f", t / Double(n))) s per tower)")
        }
        for r in mode == .quick ? [5.0, 10, 20] : [5.0, 10, 20, 30] {
            let t = time(sites(1), radiusKm: r, threads: threads)
            figures["towers_1_r\(Int(r))km_s"] = t
            rows.append("towers 1, radius \(Int(r)) km, \(threads) threads: \(String(format: "%.2f", t)) s")
        }
        let one = time(sites(16), radiusKm: 10, threads: 1), two = time(sites(16), radiusKm: 10, threads: 2)
        figures["towers_16_r10km_1_thread_s"] = one
        figures["towers_16_r10km_2_threads_s"] = two
        rows.append("towers 16, radius 10 km: 1 thread \(String(format: "%.2f", one)) s, 2 threads \(String(format: "%.2f", two)) s (speed-up \(String(format: "%.2f", one / two)))")
        return BenchResult(name: "p1812-scaling", medianS: figures["towers_16_r10km_s"] ?? 0, runsS: [], cellsPerS: nil, figures: figures,
                           notes: ["generated 1600×1600 terrain at 30 m"] + rows,
                           checkPassed: two < one * 1.05, checkDescription: "2 threads no slower than 1")
    }
}

import BlankSpotCore
import Foundation

// Temporary probe: one 50 km LOS tower at 30 m.
func probe() {
    let size = 3400
    let noise = FractalNoise(seed: 7, octaves: 8, persistence: 0.55, baseWavelength: 800)
    var h = [Float](repeating: 0, count: size * size)
    for r in 0..<size { for c in 0..<size { h[r * size + c] = Float(200 + 400 * noise.value(x: Double(c), y: Double(r))) } }
    let grid = GridGeometry(originXM: 0, originYM: Double(size) * 30, cellSizeM: 30, width: size, height: size, crsWKT: "")
    let terrain = TerrainRaster(grid: grid, heightsM: h)
    let tower = Tower(id: "A", lonDeg: 0, latDeg: 0, heightM: 30, eirpDBm: 0, frequencyMHz: 900, azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "")
    let site = GridSite(index: 0, col: 1700, row: 1700, groundM: Double(terrain.heightM(col: 1700, row: 1700)), tower: tower, xM: 0, yM: 0)
    let settings = SweepSettings(radiusM: 50_000)
    for _ in 0..<3 {
        let t0 = ContinuousClock.now
        let a = [Float](repeating: -.infinity, count: size * size)
        let b = [Int32](repeating: -1, count: size * size)
        let c = [UInt16](repeating: 0, count: size * size)
        print("alloc", ContinuousClock.now - t0, a[5] + Float(b[7]) + Float(c[9]))
    }
    for threads in [1, 2] {
        for _ in 0..<3 {
            let t0 = ContinuousClock.now
            let g = CoverageEngine.run(terrain: terrain, sites: [site], settings: settings, model: .lineOfSight, threads: threads)
            let dt = ContinuousClock.now - t0
            print("threads \(threads): \(dt) served \(g.serverCount.reduce(0) { $0 + Int($1) })")
        }
    }
}
probe()

import BlankSpotCore

/// Generated terrains for the engine benchmarks (reproducible from their seed).
enum BenchTerrain {
    /// A `size × size` grid of `cellM` cells of fractal hills: 200–600 m relief over wavelengths
    /// from 24 km down to 190 m, like a dissected upland. Generated in parallel.
    static func hills(size: Int, cellM: Double, seed: UInt64 = 7, threads: Int) -> TerrainRaster {
        let noise = FractalNoise(seed: seed, octaves: 8, persistence: 0.55, baseWavelength: 24_000 / cellM)
        let heights = GridBuffer<Float>(count: size * size, repeating: 0, threads: threads)
        ParallelLoop.run(count: size, threads: threads) { r, _ in
            for c in 0..<size {
                heights[r * size + c] = Float(400 + 400 * noise.value(x: Double(c), y: Double(r)))
            }
        }
        let grid = GridGeometry(originXM: 500_000, originYM: 9_700_000, cellSizeM: cellM, width: size, height: size,
                                crsWKT: "")
        return TerrainRaster(grid: grid, heightsM: Array(heights))
    }

    /// `count` 30 m towers, one in each cell of a square lattice over the (square) terrain, at
    /// a random place in the middle 60 % of its cell.
    static func scatteredSites(_ terrain: TerrainRaster, count: Int, rng: inout SplitMix64) -> [GridSite] {
        let size = terrain.grid.width
        let perSide = Int(Double(count).squareRoot().rounded(.up))
        return (0..<count).map { i in
            let gx = Double(i % perSide) + 0.2 + 0.6 * rng.nextUnit(), gy = Double(i / perSide) + 0.2 + 0.6 * rng.nextUnit()
            let col = min(size - 1, Int(gx / Double(perSide) * Double(size)))
            let row = min(size - 1, Int(gy / Double(perSide) * Double(size)))
            return site(terrain, col: col, row: row, heightM: 30, index: i)
        }
    }

    static func site(_ terrain: TerrainRaster, col: Int, row: Int, heightM: Double, index: Int) -> GridSite {
        let tower = Tower(id: "B\(index)", lonDeg: 0, latDeg: 0, heightM: heightM, eirpDBm: 29.2, frequencyMHz: 1800,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "bench")
        return GridSite(index: index, col: col, row: row, groundM: Double(terrain.heightM(col: col, row: row)),
                        tower: tower, xM: terrain.grid.centreXM(col: col), yM: terrain.grid.centreYM(row: row))
    }
}

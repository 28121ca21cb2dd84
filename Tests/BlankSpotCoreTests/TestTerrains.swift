import BlankSpotCore

/// Small terrains with known properties for engine tests.
enum TestTerrains {
    static let crs = "LOCAL_CS[\"test grid, metres\"]"

    static func grid(size: Int, cellM: Double) -> GridGeometry {
        GridGeometry(originXM: 0, originYM: Double(size) * cellM, cellSizeM: cellM, width: size, height: size, crsWKT: crs)
    }

    /// Every cell at `heightM`.
    static func flat(size: Int, cellM: Double, heightM: Float = 0) -> TerrainRaster {
        TerrainRaster(grid: grid(size: size, cellM: cellM), heightsM: [Float](repeating: heightM, count: size * size))
    }

    /// Seeded fractal terrain: `reliefM` peak-to-mean amplitude, rugged when `persistence` ≥ 0.65.
    static func fractal(size: Int, cellM: Double, seed: UInt64, reliefM: Double, persistence: Double,
                        wavelengthCells: Double = 64, octaves: Int = 7) -> TerrainRaster {
        let noise = FractalNoise(seed: seed, octaves: octaves, persistence: persistence, baseWavelength: wavelengthCells)
        var h = [Float](repeating: 0, count: size * size)
        for r in 0..<size {
            for c in 0..<size {
                h[r * size + c] = Float(300 + reliefM * noise.value(x: Double(c), y: Double(r)))
            }
        }
        return TerrainRaster(grid: grid(size: size, cellM: cellM), heightsM: h)
    }

    static func site(_ terrain: TerrainRaster, col: Int, row: Int, heightM: Double, index: Int = 0) -> GridSite {
        let tower = Tower(id: "T\(index)", lonDeg: 0, latDeg: 0, heightM: heightM, eirpDBm: 0, frequencyMHz: 900,
                          azimuthDeg: nil, beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "test")
        return GridSite(index: index, col: col, row: row, groundM: Double(terrain.heightM(col: col, row: row)),
                        tower: tower, xM: terrain.grid.centreXM(col: col), yM: terrain.grid.centreYM(row: row))
    }

    /// Line-of-sight grids for the given sites.
    static func lineOfSight(_ terrain: TerrainRaster, sites: [GridSite], settings: SweepSettings, threads: Int = 2) -> CoverageGrids {
        CoverageEngine.run(terrain: terrain, sites: sites, settings: settings, model: .lineOfSight, threads: threads)
    }
}

import Testing
@testable import BlankSpotCore

/// ``RayCursor`` tracks, without division, what ``RayFan`` defines with division: the cell a
/// ray owns at each step and where its own sample lies. Checked here for every ray and step.
@Suite struct RayCursorTests {
    /// Each step's candidate is owned exactly when RayFan's reference range is non-empty, and
    /// then it is that range's only cell (a ray never owns two cells in one step); the sample
    /// lies at the ray's exact minor position e·i/S. Heights rise linearly, 1 m per column and
    /// 1,000 m per row, so the interpolated sample must equal that plane at the exact position
    /// (tolerance 1e-6 m: one rounding of a product of numbers below 10⁶).
    @Test(arguments: [(1, 1), (2, 1), (7, 1), (16, 1), (41, 1), (7, 2), (16, 3), (41, 4)])
    func candidatesAndSamplesFollowRayFan(radius: Int, subdivision: Int) {
        let size = 2 * radius + 3, centre = radius + 1
        let grid = TestTerrains.grid(size: size, cellM: 30)
        let heights = (0..<(size * size)).map { Float($0 % size) + 1_000 * Float($0 / size) }
        let terrain = TerrainRaster(grid: grid, heightsM: heights)
        let site = TestTerrains.site(terrain, col: centre, row: centre, heightM: 30)
        let fan = RayFan(radiusCells: radius, subdivision: subdivision)
        var owned = 0, steps = 0
        heights.withUnsafeBufferPointer { heightsBuffer in
            for k in 0..<fan.rayCount {
                let ray = fan.ray(k)
                var cursor = RayCursor(ray: ray, fan: fan, grid: grid, site: site, discCells: Double(radius) * 2)
                #expect(cursor.lastStep == radius)
                for i in 1...max(1, cursor.lastStep) {
                    let owns = cursor.advance()
                    let reference = fan.ownedMinorRange(e: ray.e, xMajor: ray.xMajor, step: i)
                    #expect(owns == (reference != nil), "ray \(k) step \(i)")
                    if let reference, owns {
                        #expect(reference.count == 1, "ray \(k) step \(i) owns \(reference)")
                        let m = cursor.candidateMinor * cursor.minorSign
                        #expect(reference.lowerBound == m, "ray \(k) step \(i): candidate m = \(m), reference \(reference)")
                        let (col, row) = cursor.candidateCell()
                        #expect(col == (ray.xMajor ? centre + ray.sign * i : centre + m))
                        #expect(row == (ray.xMajor ? centre + m : centre + ray.sign * i))
                        #expect(cursor.candidate == row * size + col)
                        owned += 1
                    }
                    let minor = Double(ray.e * i) / Double(fan.spanUnits)
                    let (sampleCol, sampleRow) = ray.xMajor ? (Double(centre + ray.sign * i), Double(centre) + minor)
                                                            : (Double(centre) + minor, Double(centre + ray.sign * i))
                    let h = cursor.sampleHeightM(heightsBuffer)
                    #expect(abs(h - (sampleCol + 1_000 * sampleRow)) < 1e-6, "ray \(k) step \(i): sample \(h)")
                    steps += 1
                }
            }
        }
        // Every cell of the square but the tower's is owned once (RayFanTests); so is here.
        #expect(owned == (2 * radius + 1) * (2 * radius + 1) - 1)
        #expect(steps == fan.rayCount * radius)
    }
}

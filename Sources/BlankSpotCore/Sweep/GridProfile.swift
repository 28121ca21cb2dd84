/// The terrain profile along the straight grid line from a tower's cell centre to one cell's
/// centre, sampled the way the sweep samples its rays (one sample per major-axis step, linear
/// interpolation between the two cell centres either side in the minor axis), but on the exact
/// line to that cell. This is the brute-force reference the sweep is tested against.
public struct GridProfile: Sendable {
    /// Distances from the tower, metres: 0 (tower), the intermediate samples, the receiver.
    public var distancesM: [Double]
    /// Terrain heights at those distances (nan = no data); first = tower cell, last = receiver cell.
    public var heightsM: [Double]

    /// Extracts the profile from `(fromCol, fromRow)` to `(toCol, toRow)`; nil when they coincide.
    public init?(terrain: TerrainRaster, fromCol: Int, fromRow: Int, toCol: Int, toRow: Int) {
        let dc = toCol - fromCol, dr = toRow - fromRow
        let xMajor = abs(dc) >= abs(dr)
        let n = xMajor ? abs(dc) : abs(dr)
        guard n > 0 else { return nil }
        let m = xMajor ? dr : dc
        let sign = (xMajor ? dc : dr) > 0 ? 1 : -1
        let cellM = terrain.grid.cellSizeM
        let slope = Double(m) / Double(n)
        let stepM = cellM * (1 + slope * slope).squareRoot()
        let inverseN = 1 / Double(n)   // as the sweep's 1/j table, so heights match bit for bit
        var distances = [0.0]
        var heights = [Double(terrain.heightM(col: fromCol, row: fromRow))]
        for j in 1..<n {
            let num = m * j
            let m0 = RayFan.floorDiv(num, n)
            let rem = num - m0 * n
            let p = (xMajor ? fromCol : fromRow) + sign * j
            let q = (xMajor ? fromRow : fromCol) + m0
            func at(_ q: Int) -> Double {
                Double(xMajor ? terrain.heightM(col: p, row: q) : terrain.heightM(col: q, row: p))
            }
            var h = at(q)
            if rem != 0 { h += (at(q + 1) - h) * (Double(rem) * inverseN) }
            distances.append(Double(j) * stepM)
            heights.append(h)
        }
        distances.append(Double(dc * dc + dr * dr).squareRoot() * cellM)
        heights.append(Double(terrain.heightM(col: toCol, row: toRow)))
        distancesM = distances
        heightsM = heights
    }

    /// Exact line of sight over a k-earth from an antenna `txHeightM` above the first point to a
    /// receiver `rxHeightM` above the last: every intermediate sample must lie on or below the
    /// straight line in flattened-earth coordinates z = h − d²/(2ka). Samples without data never block.
    public func isLineOfSight(txHeightM: Double, rxHeightM: Double, curvaturePerM: Double) -> Bool {
        let zTx = heightsM[0] + txHeightM
        let dRx = distancesM[distancesM.count - 1]
        let zRx = heightsM[heightsM.count - 1] + rxHeightM - dRx * dRx * curvaturePerM
        let rxSlope = (zRx - zTx) / dRx
        for j in 1..<(distancesM.count - 1) {
            let d = distancesM[j]
            let z = heightsM[j] - d * d * curvaturePerM
            if (z - zTx) / d > rxSlope { return false }
        }
        return true
    }
}

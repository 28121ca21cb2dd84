/// Whether two antennas see each other over the terrain and its clutter: a geometric line of
/// sight, the first check of a microwave backhaul hop (not a link design: no Fresnel-zone
/// clearance, no rain fade).
///
/// The path is sampled every half cell; each sample's height is the bilinear terrain height
/// (plus the clutter height R where the terrain carries land cover) raised by the earth's bulge
/// d₁·d₂ / (2·k·a) with k = 4/3 (ITU-R P.530 §2.2 and P.452's effective earth radius, a =
/// 6,371 km). The line is clear when every sample lies below the straight line between the
/// antennas.
public enum PointToPointVisibility {
    public static func isClear(terrain: TerrainRaster, from a: (col: Int, row: Int, heightM: Double),
                               to b: (col: Int, row: Int, heightM: Double), kFactor: Double = 4.0 / 3.0) -> Bool {
        let grid = terrain.grid
        let groundA = Double(terrain.heightM(col: a.col, row: a.row)), groundB = Double(terrain.heightM(col: b.col, row: b.row))
        guard !groundA.isNaN, !groundB.isNaN else { return false }
        let za = groundA + a.heightM, zb = groundB + b.heightM
        let dCol = Double(b.col - a.col), dRow = Double(b.row - a.row)
        let lengthCells = (dCol * dCol + dRow * dRow).squareRoot()
        let totalM = lengthCells * grid.cellSizeM
        let steps = Int((2 * lengthCells).rounded(.up))
        guard steps > 1 else { return true }
        let effectiveRadiusM = kFactor * 6_371_000
        for s in 1..<steps {
            let t = Double(s) / Double(steps)
            // Cell-centre coordinates of the sample (column, row), as the interpolation expects.
            let x = Double(a.col) + 0.5 + t * dCol, y = Double(a.row) + 0.5 + t * dRow
            var h = terrain.interpolatedHeightM(columnCoordinate: x, rowCoordinate: y)
            if h.isNaN { continue }
            if let landCover = terrain.landCover {
                let cell = Int(y) * grid.width + Int(x)
                h += landCover.classes[landCover.classIndex(cell: cell)].clutterHeightM
            }
            let d1 = t * totalM, d2 = totalM - d1
            let bulge = d1 * d2 / (2 * effectiveRadiusM)
            if h + bulge >= za + t * (zb - za) { return false }
        }
        return true
    }
}

/// Distance from every cell of a grid to the nearest cell of a mask, by the two-pass 3-4
/// chamfer transform (Borgefors, "Distance transformations in digital images", 1986): exact
/// along rows and columns, and within about 6 % of the Euclidean distance elsewhere (diagonal
/// steps count 4/3 instead of √2), which is plenty for shaping a generated coast. Cells are square, `cellKm` on a side.
public enum DistanceToMask {
    /// - Returns: km to the nearest cell where `mask` is true (0 there); `.infinity` when the
    ///   mask is empty.
    public static func km(mask: [Bool], width: Int, height: Int, cellKm: Double) -> [Double] {
        precondition(mask.count == width * height)
        let big = Int32.max / 4
        var d = mask.map { $0 ? Int32(0) : big }
        // Forward pass: west, north-west, north, north-east neighbours.
        for row in 0..<height {
            for col in 0..<width {
                let i = row * width + col
                var v = d[i]
                if v == 0 { continue }
                if col > 0 { v = min(v, d[i - 1] + 3) }
                if row > 0 {
                    v = min(v, d[i - width] + 3)
                    if col > 0 { v = min(v, d[i - width - 1] + 4) }
                    if col + 1 < width { v = min(v, d[i - width + 1] + 4) }
                }
                d[i] = v
            }
        }
        // Backward pass: east, south-east, south, south-west.
        for row in stride(from: height - 1, through: 0, by: -1) {
            for col in stride(from: width - 1, through: 0, by: -1) {
                let i = row * width + col
                var v = d[i]
                if v == 0 { continue }
                if col + 1 < width { v = min(v, d[i + 1] + 3) }
                if row + 1 < height {
                    v = min(v, d[i + width] + 3)
                    if col + 1 < width { v = min(v, d[i + width + 1] + 4) }
                    if col > 0 { v = min(v, d[i + width - 1] + 4) }
                }
                d[i] = v
            }
        }
        return d.map { $0 >= big ? .infinity : Double($0) / 3 * cellKm }
    }
}

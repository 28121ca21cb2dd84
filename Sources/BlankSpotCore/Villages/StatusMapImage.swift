/// A quick-look picture of a run (`map.png`): every village filled with the colour of its
/// status, village borders, the coverage classes outside the villages and the towers.
///
/// Each image pixel shows the grid cell at its centre (no blending), so the picture is the same
/// bytes for the same run. It is a picture, not a map product: the GeoTIFFs and `villages.gpkg`
/// are the data.
public struct StatusMapImage: Sendable {
    public let width: Int
    public let height: Int
    /// Grid cells per image pixel along each axis.
    public let cellsPerPixel: Int
    /// Red, green, blue, alpha per pixel, row by row from the north-west corner.
    public private(set) var rgba: [UInt8]

    /// - Parameters:
    ///   - grid: the coverage grid.
    ///   - owner: the village index of each cell (−1 = none).
    ///   - statusByVillage: the status of each village index, nil for villages not rated.
    ///   - classes: the coverage class of each cell (255 or nan = no terrain).
    ///   - towerCells: (column, row) of every tower used.
    ///   - maxSide: the longest side of the picture, pixels.
    public init(grid: GridGeometry, owner: GridBuffer<Int32>, statusByVillage: [VillageStatus?], classes: [Float],
                towerCells: [(col: Int, row: Int)], maxSide: Int = 1600) {
        let step = max(1, (max(grid.width, grid.height) + maxSide - 1) / maxSide)
        cellsPerPixel = step
        width = (grid.width + step - 1) / step
        height = (grid.height + step - 1) / step
        rgba = [UInt8](repeating: 0, count: width * height * 4)
        // The village shown at each pixel: that of the cell at the pixel's centre.
        var village = [Int32](repeating: -1, count: width * height)
        for y in 0..<height {
            let row = min(grid.height - 1, y * step + step / 2)
            for x in 0..<width {
                let col = min(grid.width - 1, x * step + step / 2)
                let cell = row * grid.width + col
                let v = owner[cell]
                village[y * width + x] = v
                let c = classes[cell]
                var colour: (UInt8, UInt8, UInt8)?
                if v >= 0, Int(v) < statusByVillage.count, let status = statusByVillage[Int(v)] {
                    colour = Palette.status(status).tuple
                } else if !c.isNaN, c >= 0, c < 255 {
                    colour = Palette.outsideClasses[min(Palette.outsideClasses.count - 1, Int(c))].tuple
                }
                if let colour { set(x, y, colour) }
            }
        }
        // Borders: a pixel whose village differs from its east or south neighbour's.
        for y in 0..<height {
            for x in 0..<width {
                let v = village[y * width + x]
                let east = x + 1 < width ? village[y * width + x + 1] : v
                let south = y + 1 < height ? village[(y + 1) * width + x] : v
                if (v >= 0 || east >= 0 || south >= 0) && (v != east || v != south) { set(x, y, Palette.border.tuple) }
            }
        }
        // Towers: 5 × 5 pixel squares, white-edged so that they show on every fill.
        for t in towerCells {
            let cx = t.col / step, cy = t.row / step
            for dy in -3...3 {
                for dx in -3...3 {
                    let edge = abs(dx) == 3 || abs(dy) == 3
                    set(cx + dx, cy + dy, edge ? (0xFF, 0xFF, 0xFF) : Palette.tower.tuple)
                }
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ colour: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 4
        rgba[i] = colour.0
        rgba[i + 1] = colour.1
        rgba[i + 2] = colour.2
        rgba[i + 3] = 255
    }
}

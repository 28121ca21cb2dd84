/// The part of the analysis CRS a report map shows, and its size in pixels: x grows east,
/// y (pixels) grows south.
public struct MapFrame: Sendable, Equatable {
    /// The north-west corner, m.
    public var westM: Double
    public var northM: Double
    /// Metres per pixel (square pixels).
    public var metresPerPixel: Double
    public var widthPx: Int
    public var heightPx: Int

    /// The frame around a box, `maxSidePx` pixels on its longer side, with `marginShare` of the
    /// box's longer side added around it.
    public init(westM: Double, southM: Double, eastM: Double, northM: Double, maxSidePx: Int, marginShare: Double = 0.02) {
        let side = max(eastM - westM, northM - southM, 1)
        let margin = side * marginShare
        let w = eastM - westM + 2 * margin, h = northM - southM + 2 * margin
        metresPerPixel = max(w, h) / Double(maxSidePx)
        widthPx = max(1, Int((w / metresPerPixel).rounded(.up)))
        heightPx = max(1, Int((h / metresPerPixel).rounded(.up)))
        self.westM = westM - margin
        self.northM = northM + margin
    }

    public func pixel(xM: Double, yM: Double) -> (x: Double, y: Double) {
        ((xM - westM) / metresPerPixel, (northM - yM) / metresPerPixel)
    }
}

/// The coverage classes under a report map: each pixel shows the class of the grid cell at its
/// centre (nearest neighbour, so the same run gives the same picture), in the light colours
/// of ``Palette/outsideClasses``; no terrain and outside the grid are transparent.
public enum ClassPicture {
    public static func rgba(classes: [Float], grid: GridGeometry, frame: MapFrame) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: frame.widthPx * frame.heightPx * 4)
        let colours = Palette.outsideClasses
        for py in 0..<frame.heightPx {
            let yM = frame.northM - (Double(py) + 0.5) * frame.metresPerPixel
            let row = Int(((grid.originYM - yM) / grid.cellSizeM).rounded(.down))
            guard row >= 0 && row < grid.height else { continue }
            for px in 0..<frame.widthPx {
                let xM = frame.westM + (Double(px) + 0.5) * frame.metresPerPixel
                let col = Int(((xM - grid.originXM) / grid.cellSizeM).rounded(.down))
                guard col >= 0 && col < grid.width else { continue }
                let c = classes[row * grid.width + col]
                guard !c.isNaN, c >= 0, c < 255 else { continue }
                let colour = colours[min(colours.count - 1, Int(c))]
                let i = (py * frame.widthPx + px) * 4
                out[i] = colour.red
                out[i + 1] = colour.green
                out[i + 2] = colour.blue
                out[i + 3] = 255
            }
        }
        return out
    }
}

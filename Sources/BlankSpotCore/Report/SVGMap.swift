import Foundation

/// A report map as inline SVG: the coverage picture underneath, then filled areas (villages),
/// borders (kabupaten/kota), markers (towers, sites), a scale bar and, for GENERATED inputs, a
/// watermark. Hovering over an area or marker shows its `<title>`; no script is involved.
public struct SVGMap {
    public struct Area {
        public var polygons: [[[(x: Double, y: Double)]]]
        public var fill: RGBColour
        /// Diagonal hatching over the fill (blank villages), so that a greyscale print still
        /// tells them apart.
        public var hatched: Bool
        public var title: String

        public init(polygons: [[[(x: Double, y: Double)]]], fill: RGBColour, hatched: Bool, title: String) {
            self.polygons = polygons
            self.fill = fill
            self.hatched = hatched
            self.title = title
        }
    }

    public struct Marker {
        public enum Kind { case tower, site(label: String) }
        public var xM: Double
        public var yM: Double
        public var kind: Kind
        public var title: String

        public init(xM: Double, yM: Double, kind: Kind, title: String) {
            self.xM = xM
            self.yM = yM
            self.kind = kind
            self.title = title
        }
    }

    public var id: String
    public var frame: MapFrame
    public var backgroundPNG: [UInt8]?
    public var areas: [Area] = []
    public var borders: [[[(x: Double, y: Double)]]] = []
    public var markers: [Marker] = []
    public var watermark: String?
    /// What the map shows, for screen readers.
    public var label: String

    public init(id: String, frame: MapFrame, label: String) {
        self.id = id
        self.frame = frame
        self.label = label
    }

    public func svg() -> String {
        let w = frame.widthPx, h = frame.heightPx
        // Inline SVG in HTML needs no namespace attribute, and the page then holds no http URL.
        var s = "<svg class=\"map\" id=\"\(id)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(MarkupText.escape(label))\">\n"
        s += "<defs><pattern id=\"\(id)-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
        s += "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#000\" stroke-width=\"1.1\" stroke-opacity=\"0.55\"/></pattern></defs>\n"
        s += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        if let png = backgroundPNG {
            s += "<image width=\"\(w)\" height=\"\(h)\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(Data(png).base64EncodedString())\"/>\n"
        }
        s += "<g class=\"areas\" stroke=\"#\(hexDigits(Palette.border))\" stroke-width=\"0.4\">\n"
        for (k, a) in areas.enumerated() {
            let d = pathData(a.polygons)
            guard !d.isEmpty else { continue }
            let pathID = "\(id)-a\(k)"
            // The fill sits on a group, so that the hatching's <use> can give the same path
            // another fill (a fill on the path itself would win over the <use>'s).
            s += "<g fill=\"\(a.fill.hex)\"><path id=\"\(pathID)\" d=\"\(d)\"><title>\(MarkupText.escape(a.title))</title></path></g>\n"
            if a.hatched { s += "<use href=\"#\(pathID)\" fill=\"url(#\(id)-hatch)\" stroke=\"none\" pointer-events=\"none\"/>\n" }
        }
        s += "</g>\n"
        if !borders.isEmpty {
            s += "<path class=\"borders\" fill=\"none\" stroke=\"\(Palette.regionBorder.hex)\" stroke-width=\"1.6\" d=\"\(pathData(borders))\"/>\n"
        }
        for m in markers {
            let p = frame.pixel(xM: m.xM, yM: m.yM)
            guard p.x >= 0, p.y >= 0, p.x <= Double(w), p.y <= Double(h) else { continue }
            let x = number(p.x), y = number(p.y)
            switch m.kind {
            case .tower:
                s += "<circle class=\"tower\" cx=\"\(x)\" cy=\"\(y)\" r=\"2.6\" fill=\"\(Palette.tower.hex)\" stroke=\"#ffffff\" stroke-width=\"0.8\"><title>\(MarkupText.escape(m.title))</title></circle>\n"
            case .site(let label):
                let top = number(p.y - 6), left = number(p.x - 5.5), right = number(p.x + 5.5), bottom = number(p.y + 4)
                s += "<g class=\"site\"><path d=\"M\(x) \(top) L\(right) \(bottom) L\(left) \(bottom) Z\" fill=\"\(Palette.site.hex)\" stroke=\"#ffffff\" stroke-width=\"1\"><title>\(MarkupText.escape(m.title))</title></path>"
                s += "<text x=\"\(number(p.x + 7))\" y=\"\(number(p.y + 3))\" font-size=\"9\" font-weight=\"bold\" fill=\"\(Palette.site.hex)\" stroke=\"#ffffff\" stroke-width=\"2\" paint-order=\"stroke\">\(MarkupText.escape(label))</text></g>\n"
            }
        }
        s += scaleBar()
        if let watermark {
            s += "<text class=\"watermark\" x=\"\(w / 2)\" y=\"\(h / 2)\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"\(max(14, min(w, h) / 14))\" font-weight=\"bold\" fill=\"#000000\" fill-opacity=\"0.18\" transform=\"rotate(-30 \(w / 2) \(h / 2))\" pointer-events=\"none\">\(MarkupText.escape(watermark))</text>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// A bar of a round length (1, 2 or 5 × 10ⁿ m) near a fifth of the map's width.
    private func scaleBar() -> String {
        let target = Double(frame.widthPx) * frame.metresPerPixel / 5
        var lengthM = 1.0
        while lengthM * 10 <= target { lengthM *= 10 }
        if lengthM * 5 <= target { lengthM *= 5 } else if lengthM * 2 <= target { lengthM *= 2 }
        let px = lengthM / frame.metresPerPixel
        let x0 = 10.0, y0 = Double(frame.heightPx) - 12
        let text = lengthM >= 1000 ? "\(number(lengthM / 1000)) km" : "\(number(lengthM)) m"
        return "<g class=\"scale\"><rect x=\"\(number(x0 - 4))\" y=\"\(number(y0 - 14))\" width=\"\(number(px + 8))\" height=\"22\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"
            + "<path d=\"M\(number(x0)) \(number(y0 - 3)) V\(number(y0)) H\(number(x0 + px)) V\(number(y0 - 3))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\"/>"
            + "<text x=\"\(number(x0))\" y=\"\(number(y0 - 5))\" font-size=\"9\">\(text)</text></g>\n"
    }

    /// SVG path data of polygons in the frame's pixels, 0.1 px precision; rings that shrink to
    /// fewer than three distinct points are left out.
    public func pathData(_ polygons: [[[(x: Double, y: Double)]]]) -> String {
        var d = ""
        for polygon in polygons {
            for ring in polygon {
                var points: [(Int, Int)] = []
                for p in ring {
                    let q = frame.pixel(xM: p.x, yM: p.y)
                    let t = (Int((q.x * 10).rounded()), Int((q.y * 10).rounded()))
                    if points.last.map({ $0 != t }) ?? true { points.append(t) }
                }
                if points.count > 1 && points.first! == points.last! { points.removeLast() }
                guard points.count >= 3 else { continue }
                // The first point absolute, the others relative ("l dx dy"): shorter numbers.
                d += "M" + tenths(points[0].0) + " " + tenths(points[0].1) + "l"
                var previous = points[0]
                for (k, p) in points.dropFirst().enumerated() {
                    let dx = tenths(p.0 - previous.0), dy = tenths(p.1 - previous.1)
                    d += (k == 0 || dx.hasPrefix("-") ? "" : " ") + dx + (dy.hasPrefix("-") ? "" : " ") + dy
                    previous = p
                }
                d += "z"
            }
        }
        return d
    }

    private func tenths(_ v: Int) -> String {
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }

    private func number(_ v: Double) -> String { tenths(Int((v * 10).rounded())) }

    private func hexDigits(_ c: RGBColour) -> String { String(c.hex.dropFirst()) }
}

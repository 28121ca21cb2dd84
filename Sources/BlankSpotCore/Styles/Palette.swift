/// One sRGB colour.
public struct RGBColour: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`, lower case (HTML, SVG, QML).
    public var hex: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// `r,g,b,a` as QGIS writes colours in symbol properties.
    public func qgis(alpha: UInt8 = 255) -> String { "\(red),\(green),\(blue),\(alpha)" }

    public var tuple: (UInt8, UInt8, UInt8) { (red, green, blue) }

    /// Rec. 709 luma, 0…255: how light the colour prints in greyscale.
    public var luma: Double { 0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue) }
}

/// The colours of every blankspot output: the GeoTIFF colour tables, the QML sidecars, the
/// GeoPackage and KMZ styles, `map.png` and the report use these and no others.
///
/// The status and service-class colours are ColorBrewer's 5-class diverging RdYlGn (Brewer,
/// colorbrewer2.org) without its middle yellow: red for no service, orange for weak, greens for
/// service. The three village statuses differ in lightness (Rec. 709 luma 66, 185 and 118 of
/// 255), and the report hatches blank villages, so that a greyscale print still tells them apart.
public enum Palette {
    /// Village status.
    public static let blank = RGBColour(0xD7, 0x19, 0x1C)
    public static let partial = RGBColour(0xFD, 0xAE, 0x61)
    public static let covered = RGBColour(0x1A, 0x96, 0x41)

    public static func status(_ s: VillageStatus) -> RGBColour {
        switch s {
        case .blank: blank
        case .partial: partial
        case .covered: covered
        }
    }

    /// Service classes of `coverage.tif` (signal models): 0 no service, 1 marginal, 2 good,
    /// 3 strong. Class 0 and class 1 share the blank and partial colours.
    public static let serviceClasses: [RGBColour] = [blank, partial, RGBColour(0xA6, 0xD9, 0x6A), covered]
    /// Line-of-sight classes of `coverage.tif`: 0 not visible, 1 visible.
    public static let lineOfSightClasses: [RGBColour] = [blank, covered]

    /// Coverage classes outside the villages in pictures: grey for none, then light to dark blue.
    public static let outsideClasses: [RGBColour] = [
        RGBColour(0xE6, 0xE6, 0xE6), RGBColour(0xC6, 0xDB, 0xEF), RGBColour(0x9E, 0xCA, 0xE1), RGBColour(0x6B, 0xAE, 0xD6),
    ]

    /// Server count 1, 2, 3, 4 and more (ColorBrewer sequential Blues, 5 classes, without the
    /// lightest); 0 is ``blank``.
    public static let serverCount: [RGBColour] = [
        RGBColour(0xBD, 0xD7, 0xE7), RGBColour(0x6B, 0xAE, 0xD6), RGBColour(0x31, 0x82, 0xBD), RGBColour(0x08, 0x51, 0x9C),
    ]

    public static let border = RGBColour(0x40, 0x40, 0x40)
    /// Existing towers.
    public static let tower = RGBColour(0x00, 0x00, 0x00)
    /// Suggested sites (purple: apart from every status colour).
    public static let site = RGBColour(0x6A, 0x3D, 0x9A)
    /// Kabupaten/kota borders.
    public static let regionBorder = RGBColour(0x25, 0x25, 0x25)
}

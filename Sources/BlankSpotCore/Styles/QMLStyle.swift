/// QGIS layer styles (`.qml`), the XML QGIS reads from a raster's sidecar file
/// (`coverage.tif` → `coverage.qml`) and from a GeoPackage's `layer_styles` table.
///
/// Only the elements each renderer needs are written; QGIS fills in the rest with its
/// defaults. Element and attribute names follow the files QGIS 3 writes (Layer Properties →
/// Style → Save Style): `rasterrenderer` of type `paletted` and `singlebandpseudocolor`,
/// `renderer-v2` of type `categorizedSymbol` and `singleSymbol`, and `labeling type="simple"`.
public enum QMLStyle {
    /// A class: its value (the upper bound, for a discrete ramp), colour and legend label.
    public struct Entry: Sendable, Equatable {
        public var value: Double
        public var colour: RGBColour
        public var label: String

        public init(value: Double, colour: RGBColour, label: String) {
            self.value = value
            self.colour = colour
            self.label = label
        }
    }

    /// A category of a vector layer: the attribute value, its fill colour and legend label.
    public struct Category: Sendable, Equatable {
        public var value: String
        public var colour: RGBColour
        public var label: String

        public init(value: String, colour: RGBColour, label: String) {
            self.value = value
            self.colour = colour
            self.label = label
        }
    }

    /// A raster of classes: each value drawn in its colour, others transparent.
    public static func palettedRaster(band: Int = 1, _ entries: [Entry]) -> String {
        var xml = header(categories: "Symbology")
        xml += "  <pipe>\n    <rasterrenderer type=\"paletted\" band=\"\(band)\" opacity=\"1\" alphaBand=\"-1\" nodataColor=\"\">\n"
        xml += "      <rasterTransparency/>\n      <colorPalette>\n"
        for e in entries {
            xml += "        <paletteEntry value=\"\(number(e.value))\" color=\"\(e.colour.hex)\" alpha=\"255\" label=\"\(MarkupText.escape(e.label))\"/>\n"
        }
        xml += "      </colorPalette>\n    </rasterrenderer>\n  </pipe>\n</qgis>\n"
        return xml
    }

    /// A continuous raster in classes: a value v takes the colour of the first entry with
    /// v ≤ entry value (QGIS's DISCRETE colour ramp); the last entry's value may be +∞.
    public static func discreteRaster(band: Int = 1, _ entries: [Entry], minimum: Double, maximum: Double) -> String {
        var xml = header(categories: "Symbology")
        xml += "  <pipe>\n    <rasterrenderer type=\"singlebandpseudocolor\" band=\"\(band)\" opacity=\"1\" alphaBand=\"-1\" nodataColor=\"\""
        xml += " classificationMin=\"\(number(minimum))\" classificationMax=\"\(number(maximum))\">\n"
        xml += "      <rasterTransparency/>\n      <minMaxOrigin>\n        <limits>None</limits>\n        <extent>WholeRaster</extent>\n      </minMaxOrigin>\n"
        xml += "      <rastershader>\n        <colorrampshader colorRampType=\"DISCRETE\" classificationMode=\"1\" clip=\"0\""
        xml += " minimumValue=\"\(number(minimum))\" maximumValue=\"\(number(maximum))\">\n"
        for e in entries {
            xml += "          <item value=\"\(number(e.value))\" color=\"\(e.colour.hex)\" alpha=\"255\" label=\"\(MarkupText.escape(e.label))\"/>\n"
        }
        xml += "        </colorrampshader>\n      </rastershader>\n    </rasterrenderer>\n  </pipe>\n</qgis>\n"
        return xml
    }

    /// Polygons filled by the value of `field`, with a thin outline, and labelled with
    /// `labelExpression` (a QGIS expression) when given.
    public static func categorizedPolygons(field: String, _ categories: [Category], outline: RGBColour,
                                           labelExpression: String? = nil) -> String {
        var xml = header(categories: "Symbology|Labeling", labels: labelExpression != nil)
        xml += "  <renderer-v2 type=\"categorizedSymbol\" attr=\"\(MarkupText.escape(field))\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
        xml += "    <categories>\n"
        for (i, c) in categories.enumerated() {
            xml += "      <category value=\"\(MarkupText.escape(c.value))\" symbol=\"\(i)\" label=\"\(MarkupText.escape(c.label))\" render=\"true\" type=\"string\"/>\n"
        }
        xml += "    </categories>\n    <symbols>\n"
        for (i, c) in categories.enumerated() {
            xml += fillSymbol(name: String(i), fill: c.colour, outline: outline)
        }
        xml += "    </symbols>\n  </renderer-v2>\n"
        if let labelExpression { xml += labeling(expression: labelExpression) }
        xml += "</qgis>\n"
        return xml
    }

    /// Points drawn as one marker (`shape`: QGIS's simple-marker names, e.g. `triangle`,
    /// `circle`, `square`), labelled with `labelExpression` when given.
    public static func points(colour: RGBColour, shape: String, sizeMM: Double, labelExpression: String? = nil) -> String {
        var xml = header(categories: "Symbology|Labeling", labels: labelExpression != nil)
        xml += "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n    <symbols>\n"
        xml += "      <symbol type=\"marker\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        xml += "        <layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
        xml += prop("name", shape) + prop("color", colour.qgis()) + prop("outline_color", "255,255,255,255")
            + prop("outline_width", "0.4") + prop("outline_width_unit", "MM") + prop("size", number(sizeMM)) + prop("size_unit", "MM")
        xml += "        </layer>\n      </symbol>\n    </symbols>\n  </renderer-v2>\n"
        if let labelExpression { xml += labeling(expression: labelExpression) }
        xml += "</qgis>\n"
        return xml
    }

    private static func header(categories: String, labels: Bool = false) -> String {
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
            + "<qgis version=\"3.22.0\" styleCategories=\"\(categories)\"\(labels ? " labelsEnabled=\"1\"" : "")>\n"
    }

    private static func fillSymbol(name: String, fill: RGBColour, outline: RGBColour) -> String {
        "      <symbol type=\"fill\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
            + "        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
            + prop("color", fill.qgis()) + prop("style", "solid") + prop("outline_color", outline.qgis())
            + prop("outline_style", "solid") + prop("outline_width", "0.2") + prop("outline_width_unit", "MM")
            + "        </layer>\n      </symbol>\n"
    }

    private static func labeling(expression: String) -> String {
        "  <labeling type=\"simple\">\n    <settings>\n"
            + "      <text-style fieldName=\"\(MarkupText.escape(expression))\" isExpression=\"1\" fontSize=\"8\" fontSizeUnit=\"Point\""
            + " textColor=\"0,0,0,255\" fontWeight=\"75\">\n"
            + "        <text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\"/>\n"
            + "      </text-style>\n      <placement placement=\"0\"/>\n    </settings>\n  </labeling>\n"
    }

    private static func prop(_ key: String, _ value: String) -> String {
        "          <prop k=\"\(key)\" v=\"\(MarkupText.escape(value))\"/>\n"
    }

    /// Numbers as QGIS writes them: integers without a decimal point, `inf` for +∞.
    public static func number(_ v: Double) -> String {
        if v == .infinity { return "inf" }
        if v == -.infinity { return "-inf" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }
}

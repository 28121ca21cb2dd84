import BlankSpotCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The styles QGIS and Google Earth read: every `.qml` parses and lists the classes in the
/// palette's colours, `layer_styles` follows QGIS's schema and is registered in
/// `gpkg_contents`, and the KMZ files open with `ogrinfo`.
@Suite struct StyledOutputTests {
    static func xml(_ text: String) throws -> XMLDocument { try XMLDocument(xmlString: text, options: []) }

    static func attributes(_ doc: XMLDocument, _ xpath: String, _ names: [String]) throws -> [[String]] {
        try doc.nodes(forXPath: xpath).map { node in
            let e = node as! XMLElement
            return names.map { e.attribute(forName: $0)?.stringValue ?? "" }
        }
    }

    @Test func rasterSidecarsListTheClassesInThePaletteColours() throws {
        let out = try ReportTests.shared()
        let coverage = try Self.xml(String(contentsOfFile: out + "/coverage.qml", encoding: .utf8))
        let entries = try Self.attributes(coverage, "//rasterrenderer[@type='paletted']/colorPalette/paletteEntry", ["value", "color"])
        #expect(entries == Palette.serviceClasses.enumerated().map { [String($0.offset), $0.element.hex] })
        let signal = try Self.xml(String(contentsOfFile: out + "/signal_dbm.qml", encoding: .utf8))
        let items = try Self.attributes(signal, "//colorrampshader[@colorRampType='DISCRETE']/item", ["value", "color"])
        // 4G towers (the scene's default technology): threshold −110 dBm; a value at the
        // threshold is served, so the first class ends just below it.
        #expect(items.map { $0[1] } == Palette.serviceClasses.map(\.hex))
        #expect(items.count == 4 && Double(items[0][0])! < -110 && Double(items[0][0])! > -110.000001 && items[3][0] == "inf")
        #expect(Double(items[1][0])! < -100 && Double(items[1][0])! > -100.000001)
        let count = try Self.xml(String(contentsOfFile: out + "/server_count.qml", encoding: .utf8))
        let steps = try Self.attributes(count, "//colorrampshader/item", ["value", "color"])
        #expect(steps.map { $0[0] } == ["0", "1", "2", "3", "inf"] && steps[0][1] == Palette.blank.hex)
        #expect(!FileManager.default.fileExists(atPath: out + "/best_server.qml"))
    }

    @Test func geoPackagesCarryTheirQGISDefaultStyle() throws {
        let out = try ReportTests.shared()
        for (file, tables) in [(out + "/villages.gpkg", ["villages", "priority"]), (out + "/suggest/sites.gpkg", ["sites"])] {
            let contents = try ExternalTool.run("ogrinfo", ["-ro", "-q", file, "-sql", "SELECT table_name, data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"])
            #expect(contents.stdout.contains("table_name (String) = layer_styles") && contents.stdout.contains("data_type (String) = attributes"), "\(contents.stdout)")
            let schema = try ExternalTool.run("ogrinfo", ["-ro", "-so", file, "layer_styles"]).stdout
            for column in ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML", "styleSLD",
                           "useAsDefault", "description", "owner", "ui", "update_time"] {
                #expect(schema.contains("\(column):"), "layer_styles lacks \(column)")
            }
            #expect(schema.contains("FID Column = id"))
            for table in tables {
                let rows = try ExternalTool.run("ogrinfo", ["-ro", "-q", file, "-sql",
                    "SELECT f_table_schema, f_geometry_column, useAsDefault, length(f_table_schema) AS schema_length, styleQML FROM layer_styles WHERE f_table_name = '\(table)'"]).stdout
                #expect(rows.contains("f_geometry_column (String) = geom") && rows.contains("useAsDefault (Integer(Boolean)) = 1") && rows.contains("schema_length (Integer) = 0"), "\(table): \(rows.prefix(600))")
            }
        }
        // The villages style: categories by status in the palette colours.
        let qml = try ExternalTool.run("ogrinfo", ["-ro", "-q", out + "/villages.gpkg", "-sql", "SELECT styleQML FROM layer_styles WHERE f_table_name = 'villages'"]).stdout
        guard let start = qml.range(of: "<!DOCTYPE"), let end = qml.range(of: "</qgis>") else { Issue.record("no QML in \(qml.prefix(300))"); return }
        let doc = try Self.xml(String(qml[start.lowerBound..<end.upperBound]))
        let categories = try Self.attributes(doc, "//renderer-v2[@type='categorizedSymbol' and @attr='status']/categories/category", ["value"]).map { $0[0] }
        #expect(categories == ["blank", "partial", "covered"])
        let fills = try Self.attributes(doc, "//symbols/symbol/layer/prop[@k='color']", ["v"]).map { $0[0] }
        #expect(fills == [Palette.blank, Palette.partial, Palette.covered].map { $0.qgis() })
        #expect(try doc.nodes(forXPath: "//labeling[@type='simple']/settings/text-style[@isExpression='1']").count == 1)
    }

    @Test func kmzFilesOpenWithOGR() throws {
        let out = try ReportTests.shared()
        let villages = try ExternalTool.run("ogrinfo", ["-ro", "-al", "-so", out + "/villages.kmz"])
        #expect(villages.status == 0, "\(villages.stderr)")
        let priority = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        let blank = priority.rows.filter { $0.fields[priority.column(["status"])!] == "blank" }.count
        let partial = priority.rows.count - blank
        #expect(villages.stdout.contains("Layer name: desa blank spot (blank villages)") && villages.stdout.contains("Feature Count: \(blank)"))
        #expect(villages.stdout.contains("Layer name: sinyal sebagian (partial villages)") && villages.stdout.contains("Feature Count: \(partial)"))
        let sites = try ExternalTool.run("ogrinfo", ["-ro", "-al", out + "/suggest/sites.kmz"])
        #expect(sites.status == 0 && sites.stdout.contains("Feature Count: 1") && sites.stdout.contains("POINT"), "\(sites.stdout.prefix(500))")
    }
}

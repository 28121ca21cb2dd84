import BlankSpotCore
import Foundation
import Testing
import TestSupport

@Suite struct LandCoverTableTests {
    /// The default table written as CSV reads back as the same table.
    @Test func worldCoverTableRoundTrips() throws {
        let t = WorldCoverTable.table
        let back = try LandCoverTable.parse(text: t.csv, file: "worldcover.csv")
        #expect(back.classes == t.classes && back.fallback == t.fallback)
        #expect(t.lookup(10).clutterHeightM == 15 && t.lookup(80).zone == .sea && t.lookup(999) == t.fallback)
    }

    /// The bundled Bungo table covers every class present on the 2010 map.
    @Test func bungoTableCoversTheMap() throws {
        let path = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/bungo/bungo_landcover_table.csv").path
        let t = try LandCoverTable.parse(text: String(contentsOfFile: path, encoding: .utf8), file: path)
        for code in [1, 2, 3, 10, 12, 14, 16, 17, 19, 20, 21, 23, 24, 25, 42] { #expect(t.classes[code] != nil, "class \(code)") }
        #expect(t.lookup(17).clutterHeightM == 10 && t.lookup(1).clutterHeightM == 20 && t.lookup(42).zone == .inland)
    }

    @Test func badRowsAreAllReported() {
        let text = "code,name,category,clutter_height_m,p1812_zone,p2108_type,hata_environment\n"
            + "10,Trees,trees,tall,inland,trees_forest,suburban\n20,Shrub,shrubs,4,lake,open_rural,rural\n10,Again,trees,15,inland,forest,suburban\n"
        #expect {
            _ = try LandCoverTable.parse(text: text, file: "t.csv")
        } throws: { error in
            let e = error as! InputProblems
            let fields = e.problems.map(\.field)
            return e.badUnits == 3 && fields.contains("clutter_height_m") && fields.contains("p1812_zone") && fields.contains("p2108_type")
        }
    }
}

import BlankSpotCore
import Foundation
import Testing
import TestSupport

@Suite struct TowerTableTests {
    @Test func genericTableWithDefaultsAndAliases() throws {
        let text = """
        ID,Longitude,Latitude,height_m,azimuth_deg,technology
        a,115.5,-2.5,42,,2G
        b,115.6,-2.6,,120,LTE
        """
        let towers = try TowerTableReader.read(text: text, file: "t.csv")
        #expect(towers.count == 2)
        #expect(towers[0].id == "a" && towers[0].heightM == 42 && towers[0].azimuthDeg == nil)
        #expect(towers[0].technology == .gsm && towers[0].frequencyMHz == 900 && towers[0].eirpDBm == 57)
        #expect(towers[1].heightM == TowerDefaults.heightM && towers[1].azimuthDeg == 120)
        #expect(towers[1].frequencyMHz == 1800 && towers[1].beamwidthDeg == 65)
        #expect(towers[1].origin == "t.csv line 3")
    }

    @Test func badNumberIsReportedWithLineAndField() {
        let text = "lon,lat,height_m\n115.5,-2.5,30\n\n115.6,-2.6,tall\n"
        #expect {
            _ = try TowerTableReader.read(text: text, file: "towers.csv")
        } throws: { error in
            let e = (error as! InputProblems).problems[0]
            return e.file == "towers.csv" && e.location == "line 4" && e.field == "height_m" && e.message.contains("'tall'")
        }
    }

    @Test func missingCoordinateColumnIsReported() {
        #expect {
            _ = try TowerTableReader.read(text: "x1,lat\n1,2\n", file: "t.csv")
        } throws: { ($0 as! InputError).field == "lon" }
    }

    @Test func outOfRangeLatitudeIsReported() {
        #expect {
            _ = try TowerTableReader.read(text: "lon,lat\n115,-95\n", file: "t.csv")
        } throws: { let e = ($0 as! InputProblems).problems[0]; return e.field == "lat" && e.location == "line 2" }
    }

    @Test func duplicateIDsAreRejected() {
        #expect {
            _ = try TowerTableReader.read(text: "id,lon,lat\nA,115,-2\nA,116,-2\n", file: "t.csv")
        } throws: { let e = ($0 as! InputProblems).problems[0]; return e.location == "line 3" && e.message.contains("line 2") }
    }

    @Test func quotedFieldsAndCRLF() throws {
        let towers = try TowerTableReader.read(text: "id,lon,lat\r\n\"Site, \"\"north\"\"\",115,-2\r\n", file: "t.csv")
        #expect(towers.first?.id == "Site, \"north\"")
    }

    /// The real OpenCelliD Kalsel extract: 20 cells at 13 distinct positions (counted with
    /// Python's csv module), 10 of which carry an LTE cell.
    @Test func openCelliDExportMergesCellsIntoSites() throws {
        let path = Fixtures.path("opencellid-510-kalsel/opencellid_510_kalsel.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(TowerTableReader.layout(of: try CSVTable(text: text, file: path)) == .openCelliD)
        let towers = try TowerTableReader.read(text: text, file: path)
        #expect(towers.count == 13)
        #expect(towers.filter { $0.technology == .lte }.count == 10)
        #expect(towers.filter { $0.technology == .gsm }.count == 3)
        #expect(towers[0].id == "510-10-18391-50261")   // first row's cell
        #expect(Set(towers.map(\.id)).count == 13)
    }
}

@Suite struct SmallPiecesTests {
    @Test func utmZones() {
        #expect(AnalysisGridPlanner.utmEPSG(lonDeg: 115.5, latDeg: -2.5) == 32750)   // Kalimantan Selatan
        #expect(AnalysisGridPlanner.utmEPSG(lonDeg: -71.3, latDeg: 44.3) == 32619)   // White Mountains
        #expect(AnalysisGridPlanner.utmEPSG(lonDeg: 180, latDeg: 0) == 32660)
    }

    @Test func alignedGridCoversExtent() {
        let g = AnalysisGridPlanner.alignedGrid(covering: ProjectedExtent(minXM: 101, minYM: 205, maxXM: 389, maxYM: 420), cellSizeM: 30, crsWKT: "")
        #expect(g.originXM == 90 && g.originYM == 420 && g.width == 10 && g.height == 8)
    }
}

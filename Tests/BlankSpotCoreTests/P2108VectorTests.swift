import BlankSpotCore
import Foundation
import Testing
import TestSupport

/// ITU-R P.2108 §3.1 against every row of NTIA's test data (Tests/Fixtures/p2108): the
/// expected losses are rounded to 0.1 dB, so each must agree within 0.1 dB (plus 10⁻⁹ for the
/// rounding's edge); the rows with a non-zero return code must be refused with that code.
@Suite struct P2108VectorTests {
    @Test func heightGainTerminalCorrectionMatchesNTIA() throws {
        let text = try String(contentsOfFile: Fixtures.path("p2108/HeightGainTerminalCorrectionModelTestData.csv"), encoding: .utf8)
        let table = try CSVTable(text: text, file: "p2108")
        #expect(table.rows.count == 23)   // every data row of the file (18 computed, 5 refused)
        var refused = 0
        for row in table.rows {
            let v = row.fields.map { Double($0)! }
            let type = try #require(P2108.ClutterType(rawValue: Int(v[4])))
            let code = Int(v[5])
            do {
                let a = try P2108.heightGainCorrectionDB(frequencyGHz: v[0], heightM: v[1], clutterHeightM: v[3], type: type, streetWidthM: v[2])
                #expect(code == 0, "line \(row.line): refused by the reference (\(code)) but computed")
                #expect(abs(a - v[6]) <= 0.05 + 1e-9, "line \(row.line): \(a) against \(v[6])")
            } catch let r as P2108.Refusal {
                refused += 1
                #expect(r.rawValue == code, "line \(row.line): refused with \(r.rawValue), reference \(code)")
            }
        }
        #expect(refused == 5)
    }
}

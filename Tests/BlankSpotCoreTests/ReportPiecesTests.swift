import BlankSpotCore
import Testing

/// The report's building blocks against hand-worked values.
@Suite struct ReportPiecesTests {
    @Test func indonesianNumbers() {
        #expect(IndonesianNumber.format(12548) == "12.548")
        #expect(IndonesianNumber.format(1_234_567.891, decimals: 2) == "1.234.567,89")
        #expect(IndonesianNumber.percent(49.25) == "49,3 %")          // half away from zero
        #expect(IndonesianNumber.format(999.96, decimals: 1) == "1.000,0")
        #expect(IndonesianNumber.format(-0.04, decimals: 1) == "0,0")
        #expect(IndonesianNumber.format(-1500) == "−1.500")
        #expect(IndonesianNumber.format(0.5) == "1" && IndonesianNumber.format(7) == "7")
    }

    @Test func markupEscaping() {
        #expect(MarkupText.escape("Tanah & Laut <\"Kab\"> 'x'") == "Tanah &amp; Laut &lt;&quot;Kab&quot;&gt; &#39;x&#39;")
        #expect(MarkupText.escape("a\u{01}b\nc") == "ab\nc")
    }

    /// A 1 km square whose corners fall on whole pixels of a 10 m frame: path data by hand.
    @Test func svgPathOfASquare() {
        let frame = MapFrame(westM: 0, southM: 0, eastM: 1000, northM: 1000, maxSidePx: 100, marginShare: 0)
        #expect(frame.metresPerPixel == 10 && frame.widthPx == 100 && frame.heightPx == 100)
        let map = SVGMap(id: "m", frame: frame, label: "test")
        let square: [[[(x: Double, y: Double)]]] = [[[(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)]]]
        #expect(map.pathData(square) == "M0 100l100 0 0-100-100 0z")
        // Points closer than 0.05 px collapse; a ring left with two points is dropped.
        #expect(map.pathData([[[(0, 0), (0.1, 0), (500, 500), (0, 0)]]]) == "")
    }

    @Test func coloursAndQML() {
        #expect(Palette.blank.hex == "#d7191c" && Palette.covered.qgis() == "26,150,65,255")
        let qml = QMLStyle.palettedRaster([.init(value: 0, colour: Palette.blank, label: "a & b")])
        #expect(qml.contains("<paletteEntry value=\"0\" color=\"#d7191c\" alpha=\"255\" label=\"a &amp; b\"/>"))
        #expect(QMLStyle.number(.infinity) == "inf" && QMLStyle.number(-110) == "-110")
        // Greyscale: the three statuses stay apart by at least 40 of 255 in luma.
        let l = [Palette.blank, Palette.partial, Palette.covered].map(\.luma).sorted()
        #expect(l[1] - l[0] >= 40 && l[2] - l[1] >= 40)
    }
}

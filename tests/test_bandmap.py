"""Band roles from the rasters' own metadata (wavelengths, names), and the engine using them."""

import os

import numpy as np
import pytest
from rasters import SHARED_DATA, read_tif, write_tif
from osgeo import gdal

from model_core import bandmap
from model_core.errors import InputError
from model_core.predict import detect
from model_core.stack import Stack

TM_UM = [0.4825, 0.565, 0.66, 0.825, 1.65, 2.22]   # Landsat TM/ETM+ bands 1-5, 7 (B, G, R, NIR, SWIR)
S2_NM = [443, 490, 560, 665, 705, 740, 783, 842, 865, 945, 1375, 1610, 2190]   # Sentinel-2 B01..B12


def _raster(path, bands, wavelengths=None, units="Micrometers", names=None, colours=None, seed=0, size=24):
    data = np.random.default_rng(seed).integers(1, 255, (bands, size, size)).astype(np.uint8)
    write_tif(path, data)
    ds = gdal.Open(str(path), gdal.GA_Update)
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        if wavelengths is not None and wavelengths[b] is not None:
            band.SetMetadata({"wavelength": str(wavelengths[b]), "wavelength_units": units})
        if names is not None:
            band.SetDescription(names[b])
        if colours is not None:
            band.SetColorInterpretation(colours[b])
    ds = None
    return str(path)


def _infer(path):
    return bandmap.infer_rgbn(gdal.Open(str(path)))


def test_landsat_wavelengths_in_micrometres(tmp_path):
    assert _infer(_raster(tmp_path / "tm.tif", 6, TM_UM)) == ([3, 2, 1, 4], "wavelengths")


def test_sentinel2_wavelengths_in_nanometres_pick_b8_not_red_edge_or_b8a(tmp_path):
    # red edge (705, 740, 783 nm), B8A (865) and water vapour (945) must not win over B4 / B8
    assert _infer(_raster(tmp_path / "s2.tif", 13, S2_NM, units="Nanometers")) == ([4, 3, 2, 8], "wavelengths")
    # units missing: values above 100 are nanometres
    assert _infer(_raster(tmp_path / "s2b.tif", 13, S2_NM, units=""))[0] == [4, 3, 2, 8]


def test_band_names(tmp_path):
    s2 = ["B02", "B03", "B04", "B05", "B08", "B11"]
    assert _infer(_raster(tmp_path / "a.tif", 6, names=s2)) == ([3, 2, 1, 5], "band names")
    words = ["NIR", "Red", "Green", "Blue"]
    assert _infer(_raster(tmp_path / "b.tif", 4, names=words)) == ([2, 3, 4, 1], "band names")
    stac = ["coastal", "blue", "green", "red", "rededge1", "nir08", "swir16"]
    assert _infer(_raster(tmp_path / "c.tif", 7, names=stac)) == ([4, 3, 2, 6], "band names")


def test_stac_asset_names_of_sentinel2_landsat_and_venus(tmp_path):
    """Bands named as STAC catalogues name the assets (what an export of them writes as band descriptions).
    A Sentinel-2 export of Earth Search's assets holds nir (B08), nir08 (B8A) and nir09 (B09, water vapour):
    NIR was named three times and the file refused (its message suggesting 4,3,2,8 as if nothing were named);
    it reads B08, the broad 10 m NIR, as R, G, B, NIR, and the classical part leaves out coastal and nir09.
    nir09 is never the NIR (Venus's nir08 and nir09 were refused too); nir08 is where it is the only one
    (Landsat Collection 2 in STAC)."""
    s2 = ["coastal", "blue", "green", "red", "rededge1", "rededge2", "rededge3", "nir", "nir08", "nir09", "swir16",
          "swir22"]
    ds = gdal.Open(_raster(tmp_path / "s2.tif", 12, names=s2))
    assert bandmap.infer_rgbn(ds) == ([4, 3, 2, 8], "band names")
    roles = [r for r, _ in bandmap.band_roles(ds)]
    assert roles[7:10] == ["nir", "other", "other"] and roles.count("nir") == 1
    sensor = bandmap.file_sensor(ds)
    assert [s2[b] for b in range(12) if bandmap.not_surface_band(ds.GetRasterBand(b + 1), sensor)] == [
        "coastal", "nir09"]
    both = ["blue", "green", "red", "nir", "nir08"]
    assert _infer(_raster(tmp_path / "both.tif", 5, names=both)) == ([3, 2, 1, 4], "band names")
    assert _infer(_raster(tmp_path / "b8a.tif", 4, names=["blue", "green", "red", "nir08"])) == ([3, 2, 1, 4],
                                                                                               "band names")
    landsat = ["coastal", "blue", "green", "red", "nir08", "swir16", "swir22", "lwir11"]
    ds = gdal.Open(_raster(tmp_path / "lc2.tif", 8, names=landsat))
    assert bandmap.infer_rgbn(ds) == ([4, 3, 2, 5], "band names")
    assert bandmap.band_roles(ds)[7] == ("other", "'lwir11'") and bandmap.not_surface_band(ds.GetRasterBand(8))
    venus = ["coastal", "blue", "green", "red", "rededge", "nir08", "nir09"]
    assert _infer(_raster(tmp_path / "venus.tif", 7, names=venus)) == ([4, 3, 2, 6], "band names")
    assert _infer(_raster(tmp_path / "n9.tif", 4, names=["red", "green", "blue", "nir09"])) == (None, None)
    # through the engine: the fusion's CVA part takes the surface bands besides R, G, B, NIR
    paths = [_raster(tmp_path / f"s2_{i}.tif", 12, names=s2, seed=i) for i in range(2)]
    st = Stack(paths, expected_bands=4, extra_bands=True)
    assert [s.bands for s in st.sources] == [[4, 3, 2, 8, 5, 6, 7, 9, 11, 12]] * 2
    assert any("leaves out band(s) 1,10" in n for n in st.band_notes)


def test_three_named_bands_without_blue_or_green_are_told_what_their_names_say(tmp_path):
    """A 3-band file named red, nir, swir1 was refused for a network with a hint about RGB-only imagery
    (green in place of NIR, mapping 1,2,3,2), wrong for it: the message says what the names say, that the
    networks need blue and green, and that CVA and ISFA run on it."""
    paths = [_raster(tmp_path / f"rns{i}.tif", 3, names=["red", "nir", "swir1"], seed=i) for i in range(2)]
    with pytest.raises(InputError) as err:
        Stack(paths, expected_bands=4)
    text = str(err.value)
    assert text.startswith("Input 1 'rns0.tif': its band metadata say band 1 'red', band 2 'nir', band 3 'swir1' "
                           "(none of R, G, B, NIR): no green and no blue band.")
    assert "CVA or ISFA" in text and "RGB-only" not in text and "1,2,3,2" not in text
    assert [s.bands for s in Stack(paths).sources] == [[1, 2, 3]] * 2  # the classical methods: every band
    # names for some bands only, or R, G, B in any order, keep their readings
    assert bandmap.infer_partial(gdal.Open(_raster(tmp_path / "p.tif", 3, names=["red", "nir", ""]))) == (None, None)
    bgr = gdal.Open(_raster(tmp_path / "bgr.tif", 3, names=["blue", "green", "red"]))
    assert bandmap.infer_partial(bgr) == (None, None) and bandmap.infer_rgb_only(bgr)[0] == [3, 2, 1, 2]


def test_earth_engine_image_ids_make_plain_band_numbers_unambiguous(tmp_path):
    """toBands() names each band <image id>_<band>, and the id names the sensor: Sentinel-2's B2, B3, B4, B8
    in their own order read as blue, green, red, NIR (B8A and QA60 not; a tile such as T31QAB is no QA
    band); Landsat 8's SR_B2..SR_B5 and Landsat 5's SR_B1..SR_B4 likewise.  Before, plain B<n> names were
    not trusted there either, and bands 1-4 were taken as R, G, B, NIR: red and blue swapped."""
    s2 = ["20190501T101031_20190501T101027_T31QAB_%s" % b for b in ("B2", "B3", "B4", "B8", "B8A", "QA60")]
    assert _infer(_raster(tmp_path / "s2.tif", 6, names=s2)) == ([3, 2, 1, 4], "band names")
    l8 = ["LC08_044034_20140318_SR_B%d" % b for b in range(1, 8)]
    assert _infer(_raster(tmp_path / "l8.tif", 7, names=l8)) == ([4, 3, 2, 5], "band names")
    l5 = ["LT05_044034_19950318_SR_B%d" % b for b in (1, 2, 3, 4, 5, 7)] + ["LT05_044034_19950318_QA_PIXEL"]
    assert _infer(_raster(tmp_path / "l5.tif", 7, names=l5)) == ([3, 2, 1, 4], "band names")
    # without an id that names the sensor, B4 stays ambiguous
    assert _infer(_raster(tmp_path / "plain.tif", 4, names=["x_B2", "x_B3", "x_B4", "x_B8"])) == (None, None)


def test_ambiguous_or_missing_metadata_gives_nothing(tmp_path):
    # B4 is red for Sentinel-2 / Landsat 8 but NIR for Landsat 5/7: plain B<n> names are not trusted
    assert _infer(_raster(tmp_path / "a.tif", 6, names=["B1", "B2", "B3", "B4", "B5", "B7"])) == (None, None)
    assert _infer(_raster(tmp_path / "b.tif", 4)) == (None, None)
    # an RGB(A)-style colour interpretation says nothing about NIR
    rgb = [gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand, gdal.GCI_Undefined]
    assert _infer(_raster(tmp_path / "c.tif", 4, colours=rgb)) == (None, None)
    # two bands claim red
    assert _infer(_raster(tmp_path / "d.tif", 5, names=["red", "red", "green", "blue", "nir"])) == (None, None)
    # a wavelength set without a NIR band
    assert _infer(_raster(tmp_path / "e.tif", 4, [0.48, 0.56, 0.66, 1.6])) == (None, None)


def test_wavelengths_from_envi_description_and_real_taizhou_header():
    path = os.path.join(SHARED_DATA, "taizhou", "2000TM")
    if not os.path.exists(path):
        pytest.skip("../shared/data/taizhou not present")
    assert _infer(path) == ([3, 2, 1, 4], "wavelengths")


def test_stack_uses_metadata_mapping_and_explicit_bands_win(tmp_path):
    a = _raster(tmp_path / "a.tif", 6, TM_UM, seed=1)
    b = _raster(tmp_path / "b.tif", 6, TM_UM, seed=2)
    st = Stack([a, b], expected_bands=4)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 4], [3, 2, 1, 4]]
    assert st.band_notes == ["3,2,1,4 as R, G, B, NIR (from the rasters' wavelengths): all 2 dates"]
    st = Stack([a, b], bands=[1, 2, 3, 4], expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 4], [1, 2, 3, 4]] and st.band_notes == []
    # 4 bands without metadata: used as they are, and the summary says it is an assumption
    plain = [_raster(tmp_path / f"p{i}.tif", 4, seed=i) for i in range(2)]
    st = Stack(plain, expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 4]] * 2
    assert len(st.band_notes) == 1 and "assumed" in st.band_notes[0] and "3,2,1,4" in st.band_notes[0]
    # the classical CVA (no expected band count) keeps every band
    assert [s.bands for s in Stack([a, b]).sources] == [list(range(1, 7))] * 2


def test_input_without_metadata_borrows_the_mapping_of_the_same_sensor(tmp_path):
    a = _raster(tmp_path / "a.tif", 6, TM_UM, seed=1)
    bare = _raster(tmp_path / "bare.tif", 6, seed=2)
    st = Stack([a, bare], expected_bands=4)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 4], [3, 2, 1, 4]]
    assert any("bare" in n and "same order as 'a" in n for n in st.band_notes)
    # without any metadata a 6-band input is still refused, with the reason
    with pytest.raises(InputError, match="metadata .* do not say which"):
        Stack([bare, bare], expected_bands=4)


def test_detect_with_metadata_equals_explicit_mapping(tmp_path):
    """The engine's result on 6-band Landsat-like rasters with wavelengths equals the result with the
    band mapping typed by hand, and the summary names the mapping."""
    rng = np.random.default_rng(7)
    veg = np.array([40, 50, 35, 150, 90, 40], np.float64)[:, None, None]   # B, G, R, NIR, SWIR1, SWIR2
    built = np.array([120, 120, 130, 110, 150, 140], np.float64)[:, None, None]
    base = np.repeat(np.repeat(rng.uniform(0.8, 1.2, (1, 8, 8)), 8, 1), 8, 2) * veg
    later = base.copy()
    later[:, 20:40, 20:40] = built
    base, later = [np.clip(x + rng.normal(0, 2, x.shape), 0, 255).astype(np.uint8) for x in (base, later)]
    paths = []
    for i, arr in enumerate((base, later)):
        p = write_tif(tmp_path / f"{2000 + i}.tif", arr)
        ds = gdal.Open(p, gdal.GA_Update)
        for b in range(6):
            ds.GetRasterBand(b + 1).SetMetadata({"wavelength": str(TM_UM[b]), "wavelength_units": "um"})
        ds = None
        paths.append(p)
    auto = detect(paths, out_dir=str(tmp_path / "auto"), threads=1)
    hand = detect(paths, out_dir=str(tmp_path / "hand"), bands=[3, 2, 1, 4], threads=1)
    assert auto.notes and "3,2,1,4" in auto.summary_text() and not hand.notes
    for key in ("area", "moment"):
        np.testing.assert_array_equal(read_tif(auto.paths[key]), read_tif(hand.paths[key]))
    assert read_tif(auto.paths["area"])[25:35, 25:35].mean() > 0.5   # the inverted square is found


def test_true_alpha_is_a_mask_but_a_nir_band_flagged_alpha_is_data(tmp_path):
    rng = np.random.default_rng(4)

    def rgba(name, fourth):
        data = rng.integers(1, 255, (4, 32, 32)).astype(np.uint8)
        data[3] = fourth
        path = write_tif(tmp_path / name, data)
        ds = gdal.Open(path, gdal.GA_Update)
        for b, ci in enumerate((gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand, gdal.GCI_AlphaBand)):
            ds.GetRasterBand(b + 1).SetColorInterpretation(ci)
        ds = None
        return path

    mask = np.full((32, 32), 255, np.uint8)
    mask[:4] = 0
    true_alpha = [rgba(f"rgba{i}.tif", mask) for i in range(2)]
    # a network would otherwise read the mask as NIR: it reads R, G, B with green in place of NIR
    st = Stack(true_alpha, expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 2]] * 2
    assert st.sources[0].alpha_band == 4   # still the mask
    assert len(st.band_notes) == 1 and "in place of the missing NIR" in st.band_notes[0]
    assert "colour interpretation" in st.band_notes[0]
    st = Stack(true_alpha, bands=[1, 2, 3, 2], expected_bands=4)
    assert st.sources[0].alpha_band == 4 and not st.band_notes
    flagged = [rgba(f"nir{i}.tif", rng.integers(1, 255, (32, 32)).astype(np.uint8)) for i in range(2)]
    assert [s.bands for s in Stack(flagged, expected_bands=4).sources] == [[1, 2, 3, 4]] * 2


def test_rgb_only_imagery_uses_green_for_nir(tmp_path):
    """3-band imagery: roles from the colour interpretation (any order), bands 1-3 assumed R, G, B
    without metadata (and the note says so), a colour-infrared composite (NIR, R, G wavelengths) refused."""
    rng = np.random.default_rng(5)

    def three(name, interp=None, wavelengths=None):
        path = write_tif(tmp_path / name, rng.integers(1, 255, (3, 16, 16)).astype(np.uint8))
        ds = gdal.Open(path, gdal.GA_Update)
        for b in range(3):
            if interp:
                ds.GetRasterBand(b + 1).SetColorInterpretation(interp[b])
            if wavelengths:
                ds.GetRasterBand(b + 1).SetMetadata({"wavelength": str(wavelengths[b]),
                                                     "wavelength_units": "Micrometers"})
        ds = None
        return path

    bgr = (gdal.GCI_BlueBand, gdal.GCI_GreenBand, gdal.GCI_RedBand)
    st = Stack([three(f"bgr{i}.tif", bgr) for i in range(2)], expected_bands=4)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 2]] * 2
    undefined = (gdal.GCI_Undefined,) * 3
    plain = [three(f"plain{i}.tif", undefined) for i in range(2)]
    st = Stack(plain, expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 2]] * 2
    assert "roles assumed" in st.band_notes[0] and "all 2 dates" in st.band_notes[0]
    assert [s.bands for s in Stack(plain).sources] == [[1, 2, 3]] * 2   # CVA: every band, no note
    cir = [three(f"cir{i}.tif", undefined, wavelengths=(0.84, 0.66, 0.56)) for i in range(2)]
    with pytest.raises(InputError, match=r"band 1 0.84 um, band 2 0.66 um, band 3 0.56 um: no blue band.*CVA or ISFA"):
        Stack(cir, expected_bands=4)


def test_rgb_only_band_names_win_over_the_default_colour_interpretation(tmp_path):
    """A 3-band byte GeoTIFF is tagged R, G, B by default whatever its order; band names written on purpose
    ("Blue", "Green", "Red") say the truth.  Names for some bands only leave the decision to the colours."""
    bgr = [_raster(tmp_path / f"bgr{i}.tif", 3, names=["Blue", "Green", "Red"], seed=i) for i in range(2)]
    ds = gdal.Open(bgr[0])  # referenced while its band is read (GDAL 3.6's bindings do not keep it alive)
    assert ds.GetRasterBand(1).GetColorInterpretation() == gdal.GCI_RedBand
    ds = None
    assert bandmap.infer_rgb_only(gdal.Open(bgr[0])) == ([3, 2, 1, 2], "band names")
    st = Stack(bgr, expected_bands=4)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 2]] * 2 and "band names" in st.band_notes[0]
    partial = _raster(tmp_path / "partial.tif", 3, names=["Red", "", ""])
    assert bandmap.infer_rgb_only(gdal.Open(partial)) == ([1, 2, 3, 2], "colour interpretation")


def test_a_date_without_nir_makes_every_date_read_green_for_nir(tmp_path):
    """One RGB-only date among 4-band dates: the 4-band dates read green in NIR's place too (a real NIR
    against the RGB date's green would look like change wherever vegetation is), and the note says so;
    a band mapping is untouched."""
    rng = np.random.default_rng(6)
    four = [write_tif(tmp_path / f"d{i}.tif", rng.integers(1, 255, (4, 16, 16)).astype(np.uint8)) for i in (0, 2)]
    rgb = write_tif(tmp_path / "d1.tif", rng.integers(1, 255, (3, 16, 16)).astype(np.uint8))
    paths = [four[0], rgb, four[1]]
    st = Stack(paths, expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 2]] * 3
    note = [n for n in st.band_notes if n.startswith("green in place of NIR on every date")]
    assert len(note) == 1 and "'d1.tif' has no NIR band" in note[0] and "'d0.tif', 'd2.tif'" in note[0]
    assert [s.bands for s in Stack(four, expected_bands=4).sources] == [[1, 2, 3, 4]] * 2  # all 4-band: NIR kept
    assert [s.bands for s in Stack(paths, bands=[1, 2, 3, 2], expected_bands=4).sources] == [[1, 2, 3, 2]] * 3


def test_partial_metadata_that_contradict_the_assumed_order(tmp_path):
    """Metadata that name some bands but not all four roles are not ignored: bands 1-4 were taken as R, G,
    B, NIR even when the names said SWIR1, NIR, Red, Green (a CLI audit)."""
    def stack(name, **kw):
        paths = [_raster(tmp_path / f"{name}{i}.tif", 4, seed=i, **kw) for i in range(2)]
        return Stack(paths, expected_bands=4)

    # blue, green, red colour interpretations and an undefined fourth band: a B, G, R, NIR file
    bgr = [gdal.GCI_BlueBand, gdal.GCI_GreenBand, gdal.GCI_RedBand, gdal.GCI_Undefined]
    st = stack("bgr", colours=bgr)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 4]] * 2
    assert len(st.band_notes) == 1 and "band 4, which they do not describe, is taken as NIR" in st.band_notes[0]
    assert "assumed" not in st.band_notes[0]
    # named SWIR1, NIR, Red, Green: no blue band, refused with what the names say and what to do
    said = r"band 1 'SWIR1' \(none of R, G, B, NIR\), band 2 'NIR', band 3 'Red', band 4 'Green': no blue band"
    with pytest.raises(InputError, match=said + ".*--bands.*CVA or ISFA"):
        stack("swir", names=["SWIR1", "NIR", "Red", "Green"])
    # wavelengths of B, G, R, SWIR: no NIR band
    with pytest.raises(InputError, match="no NIR band"):
        stack("wl", wavelengths=[0.48, 0.56, 0.66, 1.6])
    # metadata that agree with R, G, B, NIR (or say nothing about some bands) keep the assumed order
    rgb = [gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand, gdal.GCI_Undefined]
    st = stack("rgb", colours=rgb)
    assert [s.bands for s in st.sources] == [[1, 2, 3, 4]] * 2 and "assumed" in st.band_notes[0]
    # a band named only by an untrusted B<n> name says nothing
    st = stack("bn", names=["B1", "B2", "B3", "B4"])
    assert [s.bands for s in st.sources] == [[1, 2, 3, 4]] * 2
    # the classical methods take every band whatever the names say
    paths = [_raster(tmp_path / f"c{i}.tif", 4, seed=i, names=["SWIR1", "NIR", "Red", "Green"]) for i in range(2)]
    assert [s.bands for s in Stack(paths).sources] == [[1, 2, 3, 4]] * 2


def test_planetscope_superdove_band_names(tmp_path):
    """From the input audit: an 8-band PlanetScope SuperDove file (coastal_blue, blue, green_i, green,
    yellow, red, rededge, nir; CAIM-Net's sensor family) was refused as having metadata that 'do not say
    which is which' ("green_i" counted as a second green), and the message's example 4,3,2,8 would have read
    yellow, green, green_i, nir.  Green I (531 nm) and yellow are not the standard green: 6,4,2,8."""
    names = ["coastal_blue", "blue", "green_i", "green", "yellow", "red", "rededge", "nir"]
    assert _infer(_raster(tmp_path / "sd.tif", 8, names=names)) == ([6, 4, 2, 8], "band names")
    assert _infer(_raster(tmp_path / "sd2.tif", 8, names=[n.replace("_", " ").title() for n in names]))[0] == [6, 4, 2, 8]


def test_modis_surface_reflectance_names_are_modis_bands(tmp_path):
    """MODIS surface reflectance (MOD09 as Earth Engine and the HDF layers name it) is ordered red, NIR, blue,
    green, SWIR: sur_refl_b01..b07.  The zero-padded b02..b04 were read as Sentinel-2's B02..B04, so a 4-band
    MODIS file (b01..b04) ran silently as 4,3,2,1 (green as red, blue as green, NIR as blue, red as NIR), and
    the classical CVA left out b01, MODIS's red band, as a 'coastal aerosol' band."""
    names = ["sur_refl_b0%d" % b for b in range(1, 8)]
    assert _infer(_raster(tmp_path / "m7.tif", 7, names=names)) == ([1, 4, 3, 2], "band names")
    four = [_raster(tmp_path / f"m4_{i}.tif", 4, names=names[:4], seed=i) for i in range(2)]
    st = Stack(four, expected_bands=4)
    assert [s.bands for s in st.sources] == [[1, 4, 3, 2]] * 2
    assert st.band_notes == ["1,4,3,2 as R, G, B, NIR (from the rasters' band names): all 2 dates"]
    seven = [_raster(tmp_path / f"m7_{i}.tif", 7, names=names, seed=i) for i in range(2)]
    st = Stack(seven, surface_only=True)  # the classical CVA: every band, none of them atmospheric
    assert [s.bands for s in st.sources] == [list(range(1, 8))] * 2 and st.band_notes == []
    # MCD43A4 nadir BRDF-adjusted reflectance, and the HDF's 500 m layer names (sur_refl_b01_1)
    nadir = ["Nadir_Reflectance_Band%d" % b for b in range(1, 8)]
    assert _infer(_raster(tmp_path / "n.tif", 7, names=nadir))[0] == [1, 4, 3, 2]
    assert _infer(_raster(tmp_path / "h.tif", 7, names=[n + "_1" for n in names]))[0] == [1, 4, 3, 2]
    # Sentinel-2's own zero-padded names are still read as Sentinel-2's
    assert _infer(_raster(tmp_path / "s.tif", 4, names=["B02", "B03", "B04", "B08"]))[0] == [3, 2, 1, 4]


def test_earth_engine_single_image_names_say_the_sensor_by_their_set(tmp_path):
    """One Earth Engine image exported alone keeps its catalogue band names without an image id (B1..B12,
    B8A, SCL, QA60; SR_B1..SR_B7, QA_PIXEL).  Such exports were refused as having metadata that 'do not say
    which is which', and the classical CVA kept Sentinel-2's coastal aerosol (B1), water vapour (B9) and
    scene classification (SCL) bands, which it reads as change.  A name only one sensor has settles the
    rest: B8A/SCL/QA60 Sentinel-2, SR_B6 Landsat 8/9 (Landsat 4-7's band 6 is thermal, ST_B6)."""
    s2 = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12", "SCL", "QA60"]
    assert _infer(_raster(tmp_path / "s2.tif", 14, names=s2)) == ([4, 3, 2, 8], "band names")
    paths = [_raster(tmp_path / f"s2_{i}.tif", 14, names=s2, seed=i) for i in range(2)]
    st = Stack(paths, surface_only=True)  # CVA: B1, B9, SCL and QA60 left out
    assert [s.bands for s in st.sources] == [[2, 3, 4, 5, 6, 7, 8, 9, 11, 12]] * 2
    l8 = ["SR_B%d" % b for b in range(1, 8)] + ["QA_PIXEL"]
    assert _infer(_raster(tmp_path / "l8.tif", 8, names=l8)) == ([4, 3, 2, 5], "band names")
    paths = [_raster(tmp_path / f"l8_{i}.tif", 8, names=l8, seed=i) for i in range(2)]
    assert [s.bands for s in Stack(paths, surface_only=True).sources] == [[2, 3, 4, 5, 6, 7]] * 2
    l5 = ["SR_B%d" % b for b in (1, 2, 3, 4, 5, 7)]
    assert _infer(_raster(tmp_path / "l5.tif", 6, names=l5)) == ([3, 2, 1, 4], "band names")
    assert _infer(_raster(tmp_path / "l5q.tif", 7, names=l5 + ["QA_PIXEL"]))[0] == [3, 2, 1, 4]
    paths = [_raster(tmp_path / f"l5_{i}.tif", 6, names=l5, seed=i) for i in range(2)]
    assert [s.bands for s in Stack(paths, surface_only=True).sources] == [list(range(1, 7))] * 2
    # sets that do not say the sensor stay unread: SR_B2..SR_B5 are B, G, R, NIR on Landsat 8 but G, R,
    # NIR, SWIR1 on Landsat 5; B2, B3, B4, B8 could be Landsat 8 (B8 panchromatic)
    assert _infer(_raster(tmp_path / "a.tif", 4, names=["SR_B2", "SR_B3", "SR_B4", "SR_B5"])) == (None, None)
    assert _infer(_raster(tmp_path / "b.tif", 4, names=["B2", "B3", "B4", "B8"])) == (None, None)
    # an ASTER-style file (B01, B02, B3N, ... B12) is not Sentinel-2 for having a B12
    aster = ["B01", "B02", "B3N", "B04", "B05", "B12"]
    assert bandmap._name_set_sensor(aster) is None


def test_band_names_in_german_spanish_french(tmp_path):
    """Band names in the plugin's other languages (and French, Portuguese) say the roles as the English do:
    a B, G, R, NIR file named Blau, Grün, Rot, Nahes Infrarot (or azul, verde, rojo, infrarrojo cercano) ran
    as 1,2,3,4, 'assumed', blue read as red.  Infrarot/infrarrojo hold rot/rojo but are not red, nor is a
    red edge (borde rojo)."""
    german = ["Blau", "Grün", "Rot", "Nahes Infrarot"]
    paths = [_raster(tmp_path / f"de{i}.tif", 4, names=german, seed=i) for i in range(2)]
    st = Stack(paths, expected_bands=4)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 4]] * 2 and "assumed" not in st.band_notes[0]
    spanish = ["azul", "verde", "rojo", "infrarrojo cercano"]
    assert _infer(_raster(tmp_path / "es.tif", 4, names=spanish)) == ([3, 2, 1, 4], "band names")
    french = ["Proche infrarouge", "Rouge", "Vert", "Bleu"]
    assert _infer(_raster(tmp_path / "fr.tif", 4, names=french)) == ([2, 3, 4, 1], "band names")
    es6 = ["azul", "verde", "rojo", "borde rojo", "infrarrojo cercano", "infrarrojo medio"]
    assert _infer(_raster(tmp_path / "es6.tif", 6, names=es6)) == ([3, 2, 1, 5], "band names")
    assert _infer(_raster(tmp_path / "ir.tif", 4, names=["Infrarot", "Rot", "Grün", "Blau"])) == (None, None)


def test_assumed_order_names_the_band_names_it_could_not_read(tmp_path):
    """A 4-band Earth Engine export of Sentinel-2's B2, B3, B4, B8 runs as 1,2,3,4, assumed: the note said
    'the band metadata do not say which band is which' of a file whose names QGIS shows; it names them now,
    and the mapping for that export (3,2,1,4).  A file without names keeps the plain note."""
    paths = [_raster(tmp_path / f"s2_{i}.tif", 4, names=["B2", "B3", "B4", "B8"], seed=i) for i in range(2)]
    note = Stack(paths, expected_bands=4).band_notes[0]
    assert "assumed" in note and "'B2', 'B3', 'B4', 'B8'" in note and "Sentinel-2's B2, B3, B4, B8" in note
    assert "3,2,1,4" in note and "band metadata do not say" not in note
    paths = [_raster(tmp_path / f"p{i}.tif", 4, seed=i) for i in range(2)]
    note = Stack(paths, expected_bands=4).band_notes[0]
    assert "band metadata do not say which band is which" in note and "B<n>" not in note
    # some bands named: those, by number (it listed "'Pan', '', '', ''")
    paths = [_raster(tmp_path / f"q{i}.tif", 4, names=["Pan", "", "", ""], seed=i) for i in range(2)]
    note = Stack(paths, expected_bands=4).band_notes[0]
    assert "the band names (band 1 'Pan') do not say" in note and "''" not in note


def test_a_mapping_of_three_refused_names_only_the_bands_that_disagree(tmp_path):
    """The refusal of a three-band mapping (read as R, G, B) whose band metadata say otherwise listed every named
    band, the ones in their right place too ('band 1 'red', band 2 'nir', ...'): it names those in the way, each
    once, and none when all agree or say nothing."""
    path = _raster(tmp_path / "rns.tif", 3, names=["red", "nir", "swir1"])
    text = bandmap.rgb_mapping_refusal(gdal.Open(path), [1, 2, 3])
    assert "but the band metadata say band 2 'nir', band 3 'swir1' (none of R, G, B, NIR). Give" in text, text
    assert "'red'" not in text
    # a band that disagrees in two places is named once
    text = bandmap.rgb_mapping_refusal(gdal.Open(path), [2, 2, 1])
    assert "say band 2 'nir', band 1 'red'. Give" in text, text
    tm = gdal.Open(_raster(tmp_path / "tm.tif", 6, TM_UM))
    assert "say band 1 0.482 um, band 3 0.66 um. Give" in bandmap.rgb_mapping_refusal(tm, [1, 2, 3])
    assert bandmap.rgb_mapping_refusal(tm, [3, 2, 1]) is None
    assert bandmap.rgb_mapping_refusal(gdal.Open(_raster(tmp_path / "plain.tif", 3)), [3, 2, 1]) is None

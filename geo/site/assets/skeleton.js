// The spelling skeleton of geo/text/normalize.py, for the search box: a name typed in
// any of its transliterations ("Ain el-Asad", "Ayn al-Assad") has the skeleton of the
// site's names, as it would have in a document. Keep the two in step: a browser test
// compares them over every name of the gazetteer.
(function (GeoApp) {
  "use strict";

  var APOSTROPHES = "'’‘`´′ʹʻʼʽʾʿˈ";
  var SUN = "dlnrstz";  // the consonants an Arabic article assimilates to (at-Tanf, as-Sulaymaniyah)
  var A = 97, E = 101, H = 104, I = 105, L = 108, S = 115, Y = 121, Z = 122;
  var SPACE = 32, APOSTROPHE = 39, HYPHEN = 45, HYPHEN2 = 0x2010;
  var folds = new Map();
  // Arabic script: vowel marks and the tatweel go (folded to the tatweel, removed in step
  // 4); the alef wasla, alef maqsura and teh marbuta are written as alef, yeh and heh.
  var TATWEEL = 0x0640;
  var ARABIC_LETTERS = {"\u0671": "\u0627", "\u0649": "\u064A", "\u0629": "\u0647"};
  // Latin letters Unicode does not decompose: the letter they are read as (Diyarbakır).
  var UNDECOMPOSED = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
                      "ŧ": "t", "Ŧ": "t", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "ð": "d", "Ð": "d", "þ": "t", "Þ": "t"};
  function isArabicMark(code) { return (code >= 0x064B && code <= 0x065F) || code === 0x0670 || code === TATWEEL; }

  function isWord(code) { return (code >= A && code <= Z) || (code >= 48 && code <= 57); }
  function isAlnum(ch) { return /^[\p{L}\p{N}]$/u.test(ch); }
  var FORMAT = /^\p{Cf}$/u;  // step 0: invisible characters of format (a soft hyphen, a joiner) are set aside

  // Step 1: lower case, diacritics stripped, apostrophe-like marks to ', other non-letters to a space
  // (from U+3000 on, a letter or digit is kept as it is).
  function foldChar(ch) {
    if (ch.codePointAt(0) >= 0x3000) { return isAlnum(ch) ? ch : " "; }
    var out = folds.get(ch);
    if (out !== undefined) { return out; }
    if (isArabicMark(ch.codePointAt(0))) {
      out = String.fromCodePoint(TATWEEL);
    } else if (ARABIC_LETTERS[ch] !== undefined) {
      out = ARABIC_LETTERS[ch];
    } else if (UNDECOMPOSED[ch] !== undefined) {
      out = UNDECOMPOSED[ch];
    } else if (APOSTROPHES.indexOf(ch) >= 0 || /^\p{M}$/u.test(ch)) {
      out = "'";
    } else if (!isAlnum(ch)) {
      out = " ";
    } else {
      var base = Array.from(ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase() || ch);
      out = isAlnum(base[0]) ? base[0] : (Array.from(ch.toLowerCase())[0] || " ");
    }
    folds.set(ch, out);
    return out;
  }

  function diphthong(before, code, after) {
    if (code === E && (after === Y || after === I)) { return A; }
    if (code === Y && (before === A || before === E || before === Y || after === Y)) { return I; }
    return code;
  }

  // Steps 2 and 3: sun-letter articles and "El " become "al"; ey/ei, ay/ai spelled alike.
  function spell(codes, folded) {
    var n = folded.length, before = 0;
    for (var j = 0; j < n; j++) {
      var code = folded[j], after = j + 1 < n ? folded[j + 1] : 0;
      var article = (code === A || code === E) && !isWord(before) && j + 3 < n && (
        (SUN.indexOf(String.fromCodePoint(after)) >= 0 && (codes[j + 2] === HYPHEN || codes[j + 2] === HYPHEN2) &&
         isWord(folded[j + 3])) ||
        (codes[j] === 69 && codes[j + 1] === L && codes[j + 2] === SPACE && codes[j + 3] >= 65 && codes[j + 3] <= 90));
      if (article) {
        folded[j] = A; folded[j + 1] = L;
      } else {
        folded[j] = diphthong(before, code, after);
      }
      before = code;
    }
  }

  // Step 4: repeated letters and spaces, apostrophes inside words and a final h after a go.
  function remove(folded) {
    var out = [], n = folded.length;
    for (var j = 0; j < n; j++) {
      var code = folded[j], before = j > 0 ? folded[j - 1] : 0, after = j + 1 < n ? folded[j + 1] : 0;
      if (code === TATWEEL) { continue; }
      if (j > 0 && code === before && ((code >= A && code <= Z) || code === SPACE)) { continue; }
      if (code === APOSTROPHE && isWord(before) && isWord(after) &&
          !(after === S && !(j + 2 < n && isWord(folded[j + 2])))) { continue; }
      if (code === H && before === A && !isWord(after)) { continue; }
      out.push(code === APOSTROPHE ? SPACE : code);
    }
    return out;
  }

  GeoApp.skeleton = function (text) {
    var chars = Array.from(text).filter(function (ch) { return !FORMAT.test(ch); });  // step 0
    var codes = chars.map(function (ch) { return ch.codePointAt(0); });
    var folded = chars.map(function (ch) { return foldChar(ch).codePointAt(0); });
    spell(codes, folded);
    return String.fromCodePoint.apply(null, remove(folded)).split(/\s+/).filter(Boolean).join(" ");
  };
})(window.GeoApp = window.GeoApp || {});

package cite

// The vocabulary the citation grammar reads. Everything that names words of
// Vietnamese legal writing lives here as data; scan.go holds only the
// grammar. Words are written as printed (with diacritics); the init below
// folds them for the fast first comparison, and the diacritics are checked
// on the original text afterwards (so "số" is not "sở", "tư" is not "từ").

// extraTypes are instrument names that vocab.DocTypes lacks. "văn bản" is
// the generic "document", typed by its symbol or else as an official letter.
var extraTypes = []typeName{
	{words: "văn bản", name: "", generic: true},
	{words: "Thông báo kết luận", name: "Thông báo"},
	{words: "Thông tư liên bộ", name: "Thông tư liên tịch"},
	{words: "Nghị đinh", name: "Nghị định"}, // a frequent typo (003)
}

// genericTypeWord opens a portal's title line of a document of any type
// ("Văn bản Quyet dinh 3745").
const genericTypeWord = "Văn bản"

// namedTypes are the types cited by name rather than by number ("Luật Đầu
// tư công", "Bộ luật Dân sự", "Hiến pháp năm 2013").
var namedTypes = map[string]bool{"Luật": true, "Bộ luật": true, "Pháp lệnh": true, "Hiến pháp": true}

// constitutionTail is the official tail of the Constitution's name, part of
// the mention but not of the key.
var constitutionTail = "nước Cộng hòa xã hội chủ nghĩa Việt Nam"

// mixedCaseCodes are symbol codes printed with a lower-case letter; the
// tokenizer keeps them whole when a word is glued after them ("TTgngày").
var mixedCaseCodes = []string{"TTg", "TTr", "CTr", "QyĐ", "QĐi", "HDi"}

// issuerCodes are the issuer parts of number/symbols. A symbol printed
// without "số" and without a type word ("theo 40/2020/NĐ-CP") is accepted
// when it carries a type code (vocab.DocTypes) or one of these.
var issuerCodes = []string{
	"CP", "TTg", "QH", "UBTVQH", "TW", "TU", "HU", "ĐU", "BCT", "BTC", "BKHĐT", "BYT", "BXD", "BNV",
	"BGDĐT", "BTNMT", "BNNPTNT", "BLĐTBXH", "BGTVT", "BTTTT", "BVHTTDL", "BKHCN", "BTP", "BCA", "BQP",
	"BNG", "NHNN", "VPCP", "VPQH", "UBND", "HĐND", "TANDTC", "VKSNDTC", "HĐTP", "KTNN", "TCHQ", "TCT",
	"BCĐ", "BCSĐ", "BTGTW", "UBKTTW", "MTTQ", "BDT", "UBDT", "BBT", "BCT-BTC",
}

// glueWords are words that scraped text glues to the number after them
// ("số37/2025/NĐ-CP", "ngày26"); the tokenizer splits them off.
var glueWords = []string{"số", "ngày", "năm", "tháng", "Điều", "khoản", "Khoản", "điểm"}

// glueSuffixes are the function words that scraped text glues to the word
// before them ("Bộ luật Lao độngvề điều kiện lao động"), longest first.
var glueSuffixes = []string{"ngày", "theo", "được", "trong", "của", "về", "và", "số", "năm", "tại", "để", "cho"}

// notInstrumentBefore are words after which "số N/..." is not an
// instrument: forms, border markers, accounts, codes, plates.
var notInstrumentBefore = []string{
	"mẫu", "biểu", "mốc", "mã", "tài khoản", "tờ khai", "hộ chiếu", "biển", "phiếu", "sổ", "hồ sơ",
	"giấy phép", "giấy chứng nhận", "thửa", "tờ bản đồ", "căn cước", "điện thoại", "fax", "lô",
	"km", "quốc lộ", "tỉnh lộ", "phụ lục", "bảng", "hợp đồng", "chứng chỉ", "thẻ",
}

// pinpointUnits are the parts of an instrument a reference points at, as
// Vietnamese writes them before the instrument ("khoản 3 Điều 46").
var pinpointUnits = []string{"điểm", "khoản", "điều", "chương", "mục", "tiểu mục", "phần", "tiết", "phụ lục"}

// unitCompounds are words that end in a unit word without being one
// ("điều tiết 100%", "chi tiết", "danh mục", "cổ phần", "tài khoản").
var unitCompounds = []string{
	"điều tiết", "chi tiết", "thời tiết", "danh mục", "hạng mục", "cổ phần", "thành phần", "tài khoản",
	"một phần", "bộ phận", "các khoản",
}

// pinpointGap are the words allowed between a pinpoint and its instrument
// ("khoản 2, Điều 12 của Luật").
var pinpointGap = []string{"của", "tại", "thuộc"}

// pinpointAttached may stand between a pinpoint and the instrument that
// issued the text it points into ("Điều 5 Quy định ban hành kèm theo
// Quyết định số 12/2023/QĐ-UBND").
var pinpointAttached = []string{
	"Quy định ban hành kèm theo", "Quy chế ban hành kèm theo", "Quy trình ban hành kèm theo",
	"Điều lệ ban hành kèm theo", "Quy định kèm theo", "Quy chế kèm theo", "ban hành kèm theo", "kèm theo",
	"Quy trình ban hành kèm", "Quy định ban hành kèm", "ban hành kèm",
}

// selfWord follows a type to make the document's reference to itself
// ("Quyết định này", "Điều này").
var selfWord = "này"

// listPlural opens a lead-in that gives type and issuer to a list ("các
// Nghị quyết của HĐND tỉnh …: số 29/NQ-HĐND …; số 30/NQ-HĐND …").
var listPlural = []string{"các", "những"}

// lawNameStops are the words and phrases at which the name of a law ends:
// function words, verbs and connectives that cannot continue a name. The
// first word of a name is never checked ("Luật Ban hành văn bản …").
var lawNameStops = []string{
	"các", "những", "ngày", "tháng", "số", "của", "hoặc", "chưa", "không", "đối với", "trường hợp", "việc", "đã", "được", "để", "tại", "theo",
	"về", "trong", "thì", "có", "là", "sẽ", "đang", "cần", "phải", "nhằm", "với", "cho", "từ", "đến",
	"khi", "nếu", "do", "bởi", "mà", "như", "này", "đó", "nay", "trên", "dưới", "gồm", "cũng",
	"sau", "trước", "hiện hành", "quy định", "hướng dẫn", "sửa đổi", "bổ sung", "thi hành", "ban hành",
	"thực hiện", "triển khai", "chi tiết", "liên quan", "hiệu lực", "áp dụng", "bảo đảm", "đảm bảo",
	"năm", "hết", "nêu", "nói", "kể", "vừa", "mới", "cụ thể", "hợp nhất", "tổ chức thực hiện",
	"đồng thời", "trong đó", "theo đó", "nhưng", "song", "tuy nhiên", "riêng", "bao gồm", "kể cả", "trừ",
	"sau đây", "gọi tắt", "hiện nay", "tính", "xác định", "yêu cầu", "khai thác", "nộp", "cho phép", "xử lý",
}

// lawNameAnd are the lower-case words that continue a law's name after
// "và" ("Luật Hôn nhân và gia đình", "Luật Quy hoạch đô thị và nông
// thôn"); after "và" any other lower-case word ends the name ("Luật Đất đai
// và sử dụng đất ở đúng mục đích", "Luật Kiểm toán nhà nước và quy định").
var lawNameAnd = []string{
	"và lệ phí", "và hải đảo", "và nông thôn", "và gia đình", "và chữa cháy", "và phát triển", "và kiểm dịch",
	"và chăm sóc", "và công nghệ", "và bản đồ", "và khu quân sự", "và đào tạo", "và xã hội", "và thông tin",
	"và truyền thông", "và môi trường", "và du lịch", "và bảo vệ", "và sử dụng năng lượng", "và tái định cư",
	"và dịch vụ", "và cơ cấu", "và bình đẳng",
}

// lawNameComma are the words that continue a law's name after a comma
// ("Luật Quản lý, sử dụng tài sản công", "Luật Khám bệnh, chữa bệnh",
// "Pháp lệnh thuế nhà, đất"); after a comma any other lower-case word ends
// the name ("Luật Đất đai, người sử dụng đất phải …").
var lawNameComma = []string{
	"sử dụng", "chữa bệnh", "chống", "khen thưởng", "công chức", "viên chức", "đất", "vệ sinh", "môi trường",
	"nhập cảnh", "xuất cảnh", "quá cảnh", "bảo vệ", "kinh doanh", "thể thao", "an toàn", "đối thoại",
	"thuế nhập khẩu", "chống lãng phí", "vật liệu nổ", "chăm sóc", "giáo dục", "phát triển", "khai thác",
}

// notLawWords make "Luật" a word of its own rather than a law's name
// printed in lower case: "Luật sư" (a lawyer), "Luật pháp" (the law in
// general), "Luật gia", "Luật lệ", "Luật học", "Luật định" (prescribed by
// law), "Luật chuyên ngành" (any sectoral law).
var notLawWords = []string{"sư", "pháp", "gia", "lệ", "học", "chơi", "cũ", "chung", "chuyên ngành", "khác", "hiện hành", "định", "hóa", "hoá"}

// lawAbbrevs are law names written as an abbreviation ("Luật DN 2014",
// "Luật HQ năm 2014"), keyed by their full name.
var lawAbbrevs = map[string]string{
	"DN": "Doanh nghiệp", "HQ": "Hải quan", "NSNN": "Ngân sách nhà nước", "ĐTC": "Đầu tư công",
	"BHXH": "Bảo hiểm xã hội", "BHYT": "Bảo hiểm y tế", "GTĐB": "Giao thông đường bộ", "BVMT": "Bảo vệ môi trường",
	"XLVPHC": "Xử lý vi phạm hành chính", "KBCB": "Khám bệnh, chữa bệnh", "PCTN": "Phòng, chống tham nhũng",
	"TCCQĐP": "Tổ chức chính quyền địa phương", "QLT": "Quản lý thuế", "KDBĐS": "Kinh doanh bất động sản",
}

// lawNameFirst are the lower-case words that open a law's name although
// they are stop words elsewhere ("Luật các tổ chức tín dụng").
var lawNameFirst = []string{"các tổ chức tín dụng", "thi hành án", "xử lý vi phạm hành chính", "ban hành văn bản quy phạm pháp luật"}

// agencyHeads open the name of an agency: after "và" they end a law's name
// ("Luật Đất đai và Sở Tài nguyên …") where a capitalised word would
// otherwise continue it ("Luật Đo đạc và Bản đồ").
var agencyHeads = []string{
	"Sở", "Bộ", "UBND", "HĐND", "Ủy ban", "Uỷ ban", "Ban", "Cục", "Tổng cục", "Chi cục", "Văn phòng",
	"Kho bạc", "Thủ tướng", "Chính phủ", "Chủ tịch", "Giám đốc", "Quốc hội", "Hội đồng", "Tòa án", "Viện",
	"Ngân hàng", "Thanh tra", "Công an", "Quân khu", "Bộ trưởng", "Thủ trưởng",
}

// lawNameInfixes are the phrases inside real law names that would
// otherwise end the name at a stop word.
var lawNameInfixes = []string{
	"theo phương thức", "của Quốc hội và Hội đồng nhân dân", "và Phát triển nông thôn",
	"Hội đồng nhân dân và Ủy ban nhân dân", "Hội đồng nhân dân và Uỷ ban nhân dân", "mới sáng tạo",
	"người có công với cách mạng", "người có công", "tại doanh nghiệp",
}

// amendingHead opens the name of an amending law: the laws named after it
// belong to its name ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
// Chính phủ và Luật Tổ chức chính quyền địa phương").
var amendingHead = []string{"sửa đổi, bổ sung một số điều của", "sửa đổi, bổ sung một số điều", "sửa đổi, bổ sung", "sửa đổi"}

// issuerLower are the lower-case words that continue an issuer's name
// ("Ban cán sự đảng UBND tỉnh", "Bộ Nông nghiệp và Phát triển nông thôn",
// "Ủy ban nhân dân thành phố Hà Nội").
var issuerLower = []string{
	"nhân", "dân", "tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "trấn", "cán", "sự", "đảng",
	"tối", "cao", "thường", "vụ", "nhà", "nước", "khóa", "khoá", "nông", "thôn", "hội", "trung",
	"ương", "chính", "phủ", "quốc", "đặc", "biệt", "trực", "thuộc", "bộ", "ban", "cấp", "lâm", "thời",
	"tư", "pháp", "điện", "tử", "nghiệp", "nghệ", "học", "chủ", "nghĩa", "trưởng", "công ty", "ty",
	"vận tải", // "Bộ Giao thông vận tải"
}

// dateLeads may stand between a number and its date ("Nghị định số
// 40/2020/NĐ-CP ban hành ngày 06/4/2020", "… ký ngày …").
var dateLeads = []string{"ban hành", "được ban hành", "ký", "ký ban hành"}

// issuerTerm is the word of an elected body's term ("Hội đồng nhân dân
// tỉnh khóa XVII"); when a session follows it ("…, kỳ họp thứ mười bốn")
// the term and the session describe the sitting, not the issuer, and are
// left out of its name.
var issuerTerm = []string{"khóa", "khoá"}

var issuerSession = []string{"kỳ họp"}

// issuerCommaHeads are issuers whose names hold a comma ("Bộ Văn hóa,
// Thể thao và Du lịch").
var issuerCommaHeads = []string{"Bộ", "Bộ trưởng Bộ"}

// titleHeads open the subject of a cited instrument after its number,
// date and issuer (see the gold's TITLE CONVENTION).
var titleHeads = []string{
	"về", "quy định", "ban hành", "sửa đổi", "bổ sung", "hướng dẫn", "phê duyệt", "thành lập",
	"công bố", "bãi bỏ", "điều chỉnh", "giao", "thông qua", "kiện toàn", "phân bổ", "quyết định",
	"ủy quyền", "uỷ quyền", "phân cấp", "chấm dứt", "tạm dừng", "kéo dài", "sáp nhập", "sắp xếp",
}

// titleCommaStops end a title at a comma followed by them ("…, cụ thể:").
var titleCommaStops = []string{
	"cụ thể", "trong đó", "theo đó", "đồng thời", "gắn với", "nhằm", "để",
	"thì", "trên cơ sở", "xác định", "có hiệu lực", "kể từ", "sau đây", "các", "hướng dẫn của",
}

// plenumWords follow "Nghị quyết" when the number after it is a plenum
// ("Nghị quyết Trung ương 8 khóa XI"), not a document number.
var plenumWords = []string{"trung ương", "hội nghị", "đại hội"}

// letterType is the type of a number whose symbol holds issuer codes only
// ("100/UBND-KT"); unknownType that of a number with a year and no type code.
const (
	codeType    = "Bộ luật"
	letterType  = "Công văn"
	unknownType = "Văn bản"
)

// groupNameStops end the subject of a counted group of laws ("37 luật có
// liên quan đến quy hoạch ngày 20 tháng 11 năm 2018"), folded.
var groupNameStops = map[string]bool{"ngay": true, "nam": true, "so": true, "cua": true, "da": true, "duoc": true,
	"theo": true, "tai": true, "va": true}

// descMinWords is how many first words of its subject an unnumbered
// "<Type> của <Issuer> về <subject>" must share with the title of an
// instrument cited before to be a mention of it.
const descMinWords = 8

// maxOrphanLines bounds the lines no unit holds that may continue a
// paragraph cut mid-sentence (extractor.orphans).
const maxOrphanLines = 3

// wrapEnds end a paragraph: after them a line break is not a wrapped
// sentence; wrapStarts open a new paragraph (table rows, bullets, quotes).
const (
	wrapEnds   = ".;:!?|)]”\"*"
	wrapStarts = "|-+•*“\"([#>"
)

// skipEditorNotes leaves out what a legal portal's bracketed notes name
// (editorNotes): they are the portal's, not the document's.
const skipEditorNotes = true

// maxNoteLen bounds an editors' note in bytes.
const maxNoteLen = 8000

// editorNoteMarkers tell a portal's bracketed note from the document's own
// brackets, folded (vntext.Key).
var editorNoteMarkers = foldAll([]string{
	"được hướng dẫn bởi", "được sửa đổi bởi", "được sửa đổi, bổ sung bởi", "được bổ sung bởi", "bị thay thế bởi",
	"được thay thế bởi", "bị bãi bỏ bởi", "bị hủy bỏ bởi", "bị đình chỉ bởi", "được đính chính bởi", "bị bãi bỏ",
	"hết hiệu lực", "có hiệu lực từ ngày", "có hiệu lực thi hành từ ngày", "được điều chỉnh bởi",
})

// issuerListHeads open a further issuer in a list of issuers after "của"
// or "giữa" ("của Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính"): the
// heads of agencies and the joint signers of "liên tịch" instruments.
var issuerListHeads = append(append([]string{}, agencyHeads...),
	"Mặt trận", "Tổng Liên đoàn", "Trung ương Đoàn", "Hội Liên hiệp", "Kiểm toán", "Tổng Kiểm toán",
)

// jointCodes are the type codes of instruments issued jointly by several
// bodies ("07/2013/TTLT-BGDĐT-BNV-BTC").
var jointCodes = []string{"TTLT", "NQLT", "TTLB", "QĐLT", "CTLT"}

// issuerJoin joins the issuers of a joint instrument, as the header of a
// joint instrument does ("BỘ TÀI CHÍNH - BỘ CÔNG THƯƠNG").
const issuerJoin = " - "

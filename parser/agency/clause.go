package agency

import (
	"strings"
	"unicode"

	"github.com/vanban/vanban/parser/vntext"
)

// clauses splits toks into clauses: at ";", at sentence ends, at ":" (but
// not the one of a distributive list "các Sở: …") and before "thì",
// outside parentheses.
func clauses(toks []token) [][2]int {
	var out [][2]int
	start, depth := 0, 0
	cut := func(end, next int) {
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start = next
	}
	for i, t := range toks {
		switch {
		case t.w == "(":
			depth++
		case t.w == ")":
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case t.w == ";" || t.w == "." || t.w == "!" || t.w == "?":
			cut(i, i+1)
		case t.w == ":":
			if i > 0 && (distributive(toks, i-1) || toks[i-1].f == "với" && !toks[i-1].cap) {
				continue // "các Sở: …", "phối hợp với: Sở Tài chính, …"
			}
			cut(i+1, i+1) // keep ":" in the clause: "X:" may be a lead
		case t.f == "thì" && !t.cap && i > start:
			cut(i, i+1)
		case seq(toks, i, "đồng", "thời") && i > start && toks[i-1].w == ",":
			cut(i-1, i+2)
		}
	}
	cut(len(toks), len(toks))
	return out
}

// distributive reports whether toks[i] is the noun of a distributive list
// ("các Sở:", "các Bộ:", "Sở:").
func distributive(toks []token, i int) bool {
	switch toks[i].f {
	case "sở", "bộ", "ban", "cục", "ngành", "huyện", "vụ", "vị", "gồm", "có":
		return true
	}
	return false
}

// skipLabel skips an item label ("6.3.", "(1)", "a)", "-", "+") and the
// connectors a clause may start with.
func skipLabel(toks []token, i int) int {
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.punct && (t.w == "-" || t.w == "+" || t.w == "•" || t.w == "," || t.w == "–" || t.w == ":" || t.w == "#"):
			i++
		case t.w == "(" && i+2 < len(toks) && toks[i+2].w == ")" && len(toks[i+1].w) <= 4:
			i += 3
		case isLabelWord(t.w) && i+1 < len(toks) && (toks[i+1].w == "." || toks[i+1].w == ")"):
			i += 2
		case i == 0 && isLabelWord(t.w) && len(t.w) <= 4 && i+2 < len(toks) && (toks[i+1].w == "-" || toks[i+1].w == "–") && toks[i+2].cap:
			i += 2 // "2 - Sở Lao động, …"
		case isLabelWord(t.w) && i+1 < len(toks) && !toks[i+1].punct && strings.ContainsAny(t.w, "0123456789") && strings.Contains(t.w, "."):
			i++ // "6.3" followed by its text
		case seq(toks, i, "đồng", "thời") || seq(toks, i, "trong", "đó") || seq(toks, i, "ngoài", "ra") || seq(toks, i, "theo", "đó") || t.f == "riêng" && i+1 < len(toks) && headAt(toks, i+1) > 0:
			if t.f == "riêng" {
				i++
			} else {
				i += 2
			}
		default:
			return i
		}
	}
	return i
}

func isLabelWord(w string) bool {
	if w == "" || len(w) > 8 {
		return false
	}
	// a point's sub-label: "b.3", "a.1.1", "đ.2" (the letters of points)
	rest := ""
	if len(w) > 2 && w[1] == '.' && strings.IndexByte("abcdeghiklmn", w[0]) >= 0 {
		rest = w[2:]
	} else if r, ok := strings.CutPrefix(w, "đ."); ok {
		rest = r
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' && strings.Trim(rest, "0123456789.") == "" {
		return true
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r == '.' || strings.ContainsRune("IVXivx", r) || r >= 'a' && r <= 'z' && len(w) == 1 || r == 'đ') {
			return false
		}
	}
	return true
}

// findPredicate returns the index of the verb that ends the subject
// starting at toks[s], or -1.
func findPredicate(toks []token, s, b int) int {
	relative, extra := false, false
	words := 0
	start := s + headAt(toks, s)
	if c := collectiveAt(toks, s); s+c > start {
		start = s + c // "các cơ quan, tổ chức": "tổ chức" is a noun here
	}
	for j := start; j < b && words < 64; j++ {
		t := toks[j]
		words++
		if t.w == "(" { // a parenthetical belongs to the subject
			for d := 0; j < b; j++ {
				if toks[j].w == "(" {
					d++
				} else if toks[j].w == ")" {
					if d--; d == 0 {
						break
					}
				}
			}
			continue
		}
		if t.punct && t.w != "," && t.w != "-" && t.w != "–" && t.w != "&" && t.w != "/" {
			if t.w == ":" && j > s && distributive(toks, j-1) && j+1 < b && toks[j+1].cap {
				continue // "Giám đốc các Sở: Tài chính, …" goes on
			}
			if t.w == ":" {
				return j
			}
			return -1
		}
		if m := knownTail(toks, s, j, b); m > j {
			j = m - 1 // "Cục Công nghệ thông tin và thống kê hải quan": the name's words
			continue
		}
		n, strong := markerAt(toks, j)
		if n > 0 && t.cap {
			n = 0 // a capitalized word inside a clause is a name ("Ban Quản lý")
		}
		if n == 0 && !relative && afterKnownName(toks, s, j) {
			return j // "Sở Kế hoạch và Đầu tư cân đối, bố trí …": a verb the list does not know
		}
		if n > 0 {
			if strong && !(t.f == "không" && j > s && toks[j-1].f == "được") {
				return j
			}
			if nounCompound(toks, j) || relative {
				// "được giao <object> thực hiện …": the object's verb is
				// part of the relative clause too
				relative = j > 0 && toks[j-1].f == "được" && !extra
				extra = extra || relative
				for j+n < b && isMarker(toks, j+n) {
					if _, st := markerAt(toks, j+n); st {
						break
					}
					n2, _ := markerAt(toks, j+n)
					n += n2
				}
				j += n - 1
				continue
			}
			return j
		}
		if t.f == "nơi" && j+2 < b && !toks[j+1].punct && !toks[j+2].punct {
			j += 2 // "Chi cục Hải quan nơi đăng ký tờ khai": the verb after "nơi" is the name's
			continue
		}
		switch t.f {
		case "được", "có", "đã":
			relative = true
		case "thuộc":
			// "các đơn vị thuộc Bộ", "trực thuộc trung ương" name; "thuộc diện …" qualifies
			relative = j+1 < b && contains(qualifyingThuoc, toks[j+1].f)
		}
	}
	return -1
}

// afterKnownName reports whether toks[j] is a lower-case word right after
// a complete registry name that starts the subject or one of its members
// ("Sở Tài chính, Sở Kế hoạch và Đầu tư | cân đối"), and cannot go on
// with it ("Sở Tài chính tỉnh", "Hội đồng nhân dân tỉnh khóa XVII").
func afterKnownName(toks []token, s, j int) bool {
	t := toks[j]
	if t.cap || t.punct || contains(nameGoesOn, t.f) || isStop(toks, j) || strings.ContainsAny(t.w[:1], "0123456789") {
		return false
	}
	for k := j - 1; k >= s; k-- {
		if k > s && toks[k-1].w != "," && toks[k-1].f != "và" {
			continue
		}
		if headAt(toks, k) > 0 {
			// only names that take no lower-case tail: not "Cục Thuế xuất nhập
			// khẩu", "Ban Quản lý Khu kinh tế cửa khẩu …", "Chính phủ điện tử"
			if c, ok := knownKeys[key(joinToks(toks, k, j))]; ok && closedName(c) {
				return true
			}
		}
	}
	return false
}

// closedName reports a registry name that is complete as it stands: a
// department, a ministry, a people's council or committee, a provincial
// body.
func closedName(c string) bool {
	for _, p := range []string{"Sở ", "Bộ ", "Ủy ban nhân dân", "Hội đồng nhân dân", "Chủ tịch", "Công an tỉnh",
		"Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước tỉnh", "Thanh tra tỉnh", "Văn phòng", "Ban Dân tộc tỉnh",
		"Liên đoàn Lao động tỉnh", "Ủy ban Mặt trận Tổ quốc"} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// nameGoesOn are the lower-case words that may go on a registry name.
var nameGoesOn = []string{"tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường", "các", "cấp", "chi", "trung", "khu",
	"của", "thuộc", "trực", "và", "hoặc", "tại", "khóa", "khoá", "kỳ", "nhiệm", "việt", "nước", "cùng", "với", "cơ", "hai",
	"đồng", "có", "được", "đã", "là", "theo", "trong", "trên", "để"}

// qualifyingThuoc are the words after "thuộc" that open a qualifying
// clause ("thuộc diện …", "thuộc trường hợp …") rather than a name.
var qualifyingThuoc = []string{"diện", "trường", "đối", "phạm", "loại", "danh", "sở", "quyền", "thẩm", "nhóm", "khu"}

// scanClause reads one clause toks[a:b].
func scanClause(text string, toks []token, a, b int, inherited []string) []Found {
	i := skipLabel(toks, a)
	if i >= b {
		return nil
	}
	first := toks[i].f
	condIf := condLen(toks, i) > 0
	if seq(toks, i, "cho", "phép") {
		return nil // a permission, not a task
	}
	if seq(toks, i, "trên", "đây") {
		// "Trên đây là ý kiến của Bộ … gửi …": the letter's closing names
		// no duty, unless it goes on "…, yêu cầu các cơ quan … thực hiện"
		k := i + 2
		for k < b && !seq(toks, k, "yêu", "cầu") && !seq(toks, k, "đề", "nghị") {
			k++
		}
		if k >= b || toks[k-1].w != "," {
			return nil
		}
		i = k
	}
	type subject struct {
		start, pred int
		lead, coop  []string
		speech      bool
	}
	var subs []subject
	var proposals []string // superiors a subject proposes to
	// "X:" or "Đối với X:" — a clause that only names its actors.
	if toks[b-1].w == ":" {
		j := i
		if seq(toks, j, "đối", "với") {
			j += 2
		}
		if headAt(toks, j) > 0 && findPredicate(toks, j, b-1) < 0 && !rule(toks, j, b-1) {
			if names := parseList(text, toks, j, b-1, false); len(names) > 0 && covers(toks, j, b-1) {
				return []Found{{Start: toks[j].s, End: toks[b-1].s, Text: clean(text[toks[j].s:toks[b-1].s]), Lead: names,
					Cooperate: []string{}, ReportTo: []string{}}}
			}
		}
	}
	{
		last := i
		lists := roleLists(text, toks, i, b)
		for s := i; s < b; s++ {
			atStart := s == i && first != "khi" && !condIf
			if !atStart && !(s > i && toks[s-1].w == "," && s >= last) {
				continue
			}
			if inSpans(lists, s) {
				continue // "phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư …": a list goes on
			}
			st := s
			giao := toks[s].f == "giao" && !atStart && !toks[s].cap // "…, giao Sở X chủ trì …"
			if (atStart || giao) && (toks[s].f == "giao" || seq(toks, s, "đề", "nghị") || seq(toks, s, "yêu", "cầu")) {
				st = s + 1
				if toks[s].f != "giao" {
					st++
				}
				if st < b && toks[st].f == "cho" {
					st++
				}
			}
			if !atStart && !giao && (toks[st].f == "trong" || toks[st].f == "trên") {
				// "…, trong điều hành các cơ quan, tổ chức căn cứ …": a
				// subject after a short adverbial phrase
				for k := st + 1; k < b && k <= st+4 && !toks[k].punct; k++ {
					if toks[k].f == "các" && headAt(toks, k) > 0 {
						st = k
						break
					}
					if isMarker(toks, k) && k > st+1 || toks[k].cap {
						break
					}
				}
			}
			if headAt(toks, st) == 0 {
				continue
			}
			if condIf {
				if !giao && !afterCondition(toks, i, st) {
					continue
				}
			} else if !atStart && !giao && conditionBefore(toks, i, st) {
				continue // "…, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về …": as at a clause start
			} else if !atStart && !giao && seq(toks, i, "sau", "khi") && inConditionList(toks, i+2, st) {
				continue
			}
			p := findPredicate(toks, st, b)
			if p < 0 || toks[p].w == ":" {
				continue
			}
			if !atStart && !giao && citedIssuer(toks, i, st, p) {
				continue // "… Thông tư liên tịch số 07/2013/TTLT-… của Bộ trưởng Bộ A, Bộ trưởng Bộ B hướng dẫn …": the cited text's issuers and title
			}
			if seq(toks, p, "có", "thể") || permitted(toks, st, p) {
				continue // "Tòa án có thể quyết định …", "X được phép …": a power, not a task
			}
			if !atStart && !giao && !toks[st].cap && toks[st].f != "các" {
				// a bare "đơn vị" after a comma is an object, unless it
				// opens a coordinated clause with a strong verb
				if _, strong := markerAt(toks, p); len(subs) == 0 || !strong {
					continue
				}
			}
			if !atStart && !giao {
				// a later subject must be a clean list of names right before
				// its verb, with an object after it, and follow either an
				// adverbial opening or a complete clause
				end, _ := targetsEnd(toks, st, b)
				if end != p && !(end < p && (toks[end].f == "theo" || toks[end].w == "(")) || p+2 >= b && !partnerOnly(toks, p, b) {
					continue
				}
			}
			end := p
			for k := st + 1; k < p; k++ { // "theo chức năng, nhiệm vụ", "trong phạm vi …" qualify the verb
				if (toks[k].f == "theo" || toks[k].f == "trong" || toks[k].f == "để" || toks[k].f == "mà") && !toks[k].cap && depthAt(toks, st, k) == 0 {
					end = k
					break
				}
			}
			names := parseList(text, toks, st, end, false)
			if len(names) == 0 {
				continue
			}
			var lead, coop []string
			partners := rolePartners(text, toks, st, end)
			for _, n := range names {
				if strings.Contains(vntext.Fold(n), "phoi hop") || partners[n] {
					coop = append(coop, n)
				} else {
					lead = append(lead, n)
				}
			}
			if partnerOnly(toks, p, b) || toks[p].f == "là" && (seq(toks, p+1, "cơ", "quan", "phối", "hợp") || seq(toks, p+1, "đơn", "vị", "phối", "hợp")) {
				// "Sở Y tế chủ trì; Sở Tài chính, Bảo hiểm xã hội tỉnh phối
				// hợp thực hiện", "…, Sở Tài chính là cơ quan phối hợp": they
				// cooperate with a lead named elsewhere
				lead, coop = nil, appendNew(coop, lead...)
			}
			speech := false
			if m, hands := speechAt(toks, p); m > 0 {
				// "X yêu cầu / đề nghị / giao Y thực hiện …": Y does it
				if objs, _ := targets(text, toks, objectStart(toks, p+m, b), b); hands && len(objs) > 0 {
					if toks[p].f == "đề" && superior(objs) {
						// "Sở Tài chính đề nghị UBND tỉnh xem xét": a
						// proposal to a superior, which receives it
						proposals = append(proposals, objs...)
					} else {
						lead, coop = objs, nil
					}
				} else if toks[p].f == "giao" {
					// "UBND cấp tỉnh giao nộp hồ sơ …": not a handing over
				} else if hands || asIntro(toks, p+m, b) {
					// "X yêu cầu (như sau):", "X hướng dẫn bổ sung như sau:":
					// the duties follow for others
					lead, coop, speech = nil, nil, true
				} else {
					speech = true
				}
			}
			subs = append(subs, subject{start: st, pred: p, lead: lead, coop: coop, speech: speech})
			last = p
			s = p
		}
	}
	var out []Found
	speech := false
	emit := func(from, to int, lead, coop []string, leadless bool) {
		f := Found{Start: toks[from].s, End: toks[to-1].e, Lead: lead, Cooperate: coop, ReportTo: appendNew(nil, proposals...), Speech: speech}
		c, r, extraLead := roles(text, toks, from, to)
		if len(lead) > 0 || leadless {
			f.Cooperate = appendNew(f.Cooperate, c...)
		}
		f.ReportTo = appendNew(f.ReportTo, r.all...)
		f.Lead = appendNew(f.Lead, extraLead...)
		if len(lead) == 0 && !leadless {
			f.ReportTo = appendNew([]string{}, r.leadless...)
		}
		if len(f.Lead) == 0 && len(f.Cooperate) == 0 && len(f.ReportTo) == 0 {
			return
		}
		if f.Lead == nil {
			f.Lead = []string{}
		}
		if f.Cooperate == nil {
			f.Cooperate = []string{}
		}
		f.Text = clean(text[f.Start:f.End])
		out = append(out, f)
	}
	if len(subs) == 0 {
		if len(inherited) > 0 && !hasVerb(toks, i, b) {
			inherited = nil // "Nơi nhận", "Ô 1": no duty to inherit a lead for
		}
		emit(i, b, inherited, nil, len(inherited) > 0)
		return out
	}
	if subs[0].start > i && len(inherited) > 0 {
		emit(i, subs[0].start, inherited, nil, true)
	}
	for k, s := range subs {
		to := b
		if k+1 < len(subs) {
			to = subs[k+1].start
		}
		speech = s.speech
		emit(s.start, to, s.lead, s.coop, len(s.lead) > 0 || len(s.coop) > 0)
	}
	return out
}

// rolePartners returns the names in toks[st:end] marked "(phối hợp)"
// ("Sở Y tế (chủ trì), Sở Tài chính, Sở Nội vụ (phối hợp) thực hiện"): a
// role in parentheses covers the names since the previous one.
func rolePartners(text string, toks []token, st, end int) map[string]bool {
	var out map[string]bool
	from := st
	for k := st; k+3 < end; k++ {
		if toks[k].w != "(" || toks[k+3].w != ")" {
			continue
		}
		partner := seq(toks, k+1, "phối", "hợp")
		if !partner && !seq(toks, k+1, "chủ", "trì") {
			continue
		}
		if partner {
			for _, n := range parseList(text, toks, from, k, false) {
				if out == nil {
					out = map[string]bool{}
				}
				out[n] = true
			}
		}
		from = k + 4
	}
	return out
}

// partnerOnly reports a predicate "phối hợp" with no partner after it
// ("X phối hợp thực hiện", "X phối hợp tuyên truyền"): X cooperates. "X
// phối hợp với Y …" keeps X as the lead.
func partnerOnly(toks []token, p, b int) bool {
	if !seq(toks, p, "phối", "hợp") {
		return false
	}
	j := p + 2
	for j < b && (seq(toks, j, "chặt", "chẽ") || seq(toks, j, "thường", "xuyên") || seq(toks, j, "tích", "cực")) {
		j += 2
	}
	if j >= b || toks[j].punct {
		return true
	}
	if toks[j].f == "với" || toks[j].f == "cùng" || toks[j].f == "giữa" || headAt(toks, j) > 0 || collectiveAt(toks, j) > 0 {
		return false
	}
	for k := j; k+1 < b && k < j+4 && !toks[k].punct; k++ {
		if (toks[k].f == "với" || toks[k].f == "cùng") && (headAt(toks, k+1) > 0 || collectiveAt(toks, k+1) > 0) {
			return false // "Sở Tài chính phối hợp thực hiện với Sở Y tế"
		}
	}
	return isMarker(toks, j)
}

// conditionBefore reports a "nếu" among toks[i:st] ("trường hợp …, X
// thực hiện …" still states X's duty).
func conditionBefore(toks []token, i, st int) bool {
	for k := i; k < st; k++ {
		if toks[k].f == "nếu" {
			return true
		}
	}
	return false
}

// afterCondition reports whether the subject at toks[st] of a clause that
// opens with a condition (toks[i] is "Nếu" or "Trường hợp") is a named
// body after the whole condition: "Nếu không có dấu hiệu vi phạm, Chi cục
// Hải quan nơi lưu giữ hàng hóa thực hiện như sau". Not a general subject
// ("…, các đơn vị phản ánh"), not a member of the condition's own list of
// actors ("Trường hợp Quốc hội, Chính phủ, Ban chỉ đạo … yêu cầu …"), not
// a negated verb ("…, UBND các huyện không thực hiện …").
func afterCondition(toks []token, i, st int) bool {
	if !toks[st].cap || st < 2 || toks[st-1].w != "," {
		return false
	}
	c := i + condLen(toks, i)
	k := st - 1 // the comma's segment: the condition's last words
	for k > c && toks[k-1].w != "," {
		k--
	}
	if k >= st-1 || headAt(toks, k) > 0 || collectiveAt(toks, k) > 0 || headAt(toks, c) > 0 || collectiveAt(toks, c) > 0 {
		return false // "Trường hợp các cơ quan, đơn vị, UBND các huyện …": the condition's own actors
	}
	for j := k; j < st-1; j++ {
		if headAt(toks, j) > 0 && nameEnd(toks, j, st-1) >= st-1 {
			return false // "… đã được Quốc hội, Thủ tướng Chính phủ quyết định": a list the condition ends with
		}
	}
	p := findPredicate(toks, st, len(toks))
	return p > st && toks[p].f != "không" && toks[p-1].f != "không"
}

// condLen is the length of the word that opens a clause with a condition
// or the time of an event ("Nếu", "Trường hợp", "Sau khi", "Khi"), 0 when
// the clause opens otherwise: the actors named before the condition ends
// ("Sau khi nhận được ý kiến của các đơn vị thuộc Bộ Tài chính, các Bộ
// quản lý chuyên ngành, …") are not its subject.
func condLen(toks []token, i int) int {
	switch {
	case toks[i].f == "nếu":
		return 1
	case seq(toks, i, "trường", "hợp"):
		return 2
	}
	return 0
}

// inConditionList reports whether the subject at toks[st], after a comma,
// goes on with a list of actors that the words before it end with, inside
// a clause that opens with an event toks[c:] ("Sau khi nhận được … ý kiến
// tham gia của các đơn vị liên quan thuộc Tổng cục Hải quan, các đơn vị
// thuộc Bộ Tài chính, các Bộ quản lý chuyên ngành, Ủy ban HS, công chức
// thực hiện …": the event's actors, not the subject). A subject after a
// complete event ("sau khi Quốc hội quyết định, phê duyệt chủ trương đầu
// tư, Thủ tướng Chính phủ xem xét") is not.
func inConditionList(toks []token, c, st int) bool {
	if st < 2 || toks[st-1].w != "," {
		return false
	}
	k := st - 1 // the comma's segment
	for k > c && toks[k-1].w != "," {
		k--
	}
	if k >= st-1 {
		return false
	}
	if headAt(toks, k) > 0 || collectiveAt(toks, k) > 0 {
		return true
	}
	for j := k; j < st-1; j++ {
		if headAt(toks, j) > 0 && nameEnd(toks, j, st-1) >= st-1 {
			return true
		}
	}
	return false
}

// superior reports whether names are bodies a department proposes to
// rather than asks (UBND tỉnh, HĐND, Chủ tịch, Thủ tướng, Chính phủ, Bộ).
func superior(names []string) bool {
	for _, n := range names {
		k := Key(n)
		if !(strings.HasPrefix(k, "uy ban nhan dan tinh") || strings.HasPrefix(k, "hoi dong nhan dan") || strings.HasPrefix(k, "chu tich") ||
			strings.HasPrefix(k, "thu tuong") || k == "chinh phu" || strings.HasPrefix(k, "quoc hoi") || strings.HasPrefix(k, "bo ") ||
			strings.HasPrefix(k, "thuong truc")) {
			return false
		}
	}
	return len(names) > 0
}

// speechAt returns the length of a verb of asking or telling at toks[p]
// and whether it hands the task to its object ("yêu cầu", "đề nghị",
// "kêu gọi", "giao") rather than just speaking ("trả lời", "thông báo",
// "hướng dẫn … như sau", "có ý kiến").
func speechAt(toks []token, p int) (int, bool) {
	switch {
	case seq(toks, p, "yêu", "cầu"), seq(toks, p, "đề", "nghị"), seq(toks, p, "kêu", "gọi"):
		return 2, true
	case toks[p].f == "giao" && !seq(toks, p+1, "nhiệm", "vụ"):
		return 1, true
	case seq(toks, p, "trả", "lời"), seq(toks, p, "thông", "báo"):
		return 2, false
	case seq(toks, p, "có", "ý", "kiến"):
		return 3, false
	case seq(toks, p, "hướng", "dẫn") && asIntro(toks, p+2, len(toks)):
		return 2, false
	}
	return 0, false
}

// objectStart skips "cho" / ":" before the object of a verb of asking.
func objectStart(toks []token, j, b int) int {
	for j < b && (toks[j].f == "cho" || toks[j].w == ":") {
		j++
	}
	return j
}

// asIntro reports whether toks[j:b] only announces what follows ("như
// sau:", "bổ sung như sau", "tăng cường việc thực hiện như sau:").
func asIntro(toks []token, j, b int) bool {
	if j >= b || toks[b-1].w == ":" && b-j <= 12 {
		return true
	}
	for k := j; k+1 < b && k < j+14; k++ {
		if seq(toks, k, "như", "sau") {
			return true
		}
		if toks[k].punct && toks[k].w != "," {
			return false
		}
	}
	return false
}

// hasVerb reports whether toks[a:b] has a verb.
func hasVerb(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if isMarker(toks, k) {
			return true
		}
	}
	return false
}

// permitted reports a "được phép" between a subject and its verb.
func permitted(toks []token, st, p int) bool {
	// "cá nhân là công dân Việt Nam … được phép": a copula inside the
	// subject may come first, so look a little past the verb
	for k := st; k < max(p+2, st+25) && k+1 < len(toks); k++ {
		if toks[k].punct && toks[k].w != "," {
			break
		}
		if seq(toks, k, "được", "phép") {
			return true
		}
	}
	return false
}

// rule reports whether toks[i:j] before a colon opens a rule rather than
// naming actors ("Đơn vị sự nghiệp công lập được cho thuê tài sản công
// trong các trường hợp sau đây:").
func rule(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].f == "được" && !(k+1 < j && toks[k+1].f == "giao") || seq(toks, k, "sau", "đây") || seq(toks, k, "như", "sau") {
			return true
		}
	}
	return false
}

// roleLists returns the spans of the agency lists that follow a role verb
// ("phối hợp với X, Y", "gửi X, Y", "báo cáo X", "trình X, Y"): a name in
// them is an object, never the subject of a new clause ("trình UBND tỉnh,
// Chủ tịch UBND tỉnh xem xét": the Chủ tịch receives, not leads).
func roleLists(text string, toks []token, a, b int) [][2]int {
	var out [][2]int
	for k := a; k < b; k++ {
		switch toks[k].f {
		case "phối", "gửi", "yêu", "đề", "giao", "trình", "báo", "tham", "kiến":
		default:
			continue // every case below starts with one of these words
		}
		j := -1
		switch {
		case (toks[k].f == "trình" || seq(toks, k, "tham", "mưu") || seq(toks, k, "đề", "xuất") || seq(toks, k, "kiến", "nghị")) && !nounCompound(toks, k):
			j = k + 1
			if toks[k].f != "trình" {
				j++
			}
			if j < b && (toks[j].f == "cho" || toks[j].f == "với" && toks[k].f != "trình") {
				j++ // "tham mưu cho UBND tỉnh, …", as roles reads it
			}
		case seq(toks, k, "báo", "cáo") && !(k > 0 && (toks[k-1].f == "chế" || toks[k-1].f == "độ")):
			j = k + 2
			for j < b && (toks[j].f == "lên" || toks[j].f == "về" || toks[j].f == "cho") {
				j++
			}
		case seq(toks, k, "phối", "hợp") && !nounCompound(toks, k):
			j = k + 2
			if j < b && (toks[j].f == "với" || toks[j].f == "cùng") {
				j++
			}
		case toks[k].f == "gửi" && !toks[k].cap:
			j = k + 1
			for j < b && (toks[j].f == "về" || toks[j].f == "đến" || toks[j].f == "cho") {
				j++
			}
		case seq(toks, k, "yêu", "cầu") || seq(toks, k, "đề", "nghị"):
			j = k + 2 // "… yêu cầu các cấp ủy, cơ quan, đơn vị …"
		case toks[k].f == "giao" && !seq(toks, k+1, "nhiệm", "vụ"):
			j = k + 1
		}
		if j < 0 {
			continue
		}
		if end, _ := targetsEnd(toks, j, b); end > j {
			out = append(out, [2]int{j, end})
			k = end - 1
		}
	}
	return out
}

func inSpans(spans [][2]int, i int) bool {
	for _, s := range spans {
		if i > s[0] && i < s[1] {
			return true
		}
	}
	return false
}

func depthAt(toks []token, from, to int) int {
	d := 0
	for k := from; k < to; k++ {
		if toks[k].w == "(" {
			d++
		} else if toks[k].w == ")" && d > 0 {
			d--
		}
	}
	return d
}

// covers reports whether toks[i:j] is nothing but a list of names.
func covers(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if isMarker(toks, k) && !nounCompound(toks, k) {
			return false
		}
	}
	return j-i <= 30
}

type reports struct{ all, leadless []string }

// roles finds the cooperating agencies ("phối hợp với Y"), the report
// receivers ("báo cáo X", "gửi X", "trình X", "(qua X)") and the agencies a
// clause hands a compilation to ("gửi X tổng hợp") in toks[a:b].
func roles(text string, toks []token, a, b int) (coop []string, rep reports, lead []string) {
	for k := a; k < b; k++ {
		switch toks[k].f {
		case "chủ", "phối", "báo", "phản", "gửi", "trình", "tham", "đề", "kiến", "(":
		default:
			continue // every case below starts with one of these words
		}
		t := toks[k]
		switch {
		case seq(toks, k, "chủ", "trì") && k+3 < b && (toks[k+2].f == "cùng" || toks[k+2].f == "với") && headAt(toks, k+3) > 0:
			// "Sở Y tế chủ trì cùng Sở Tài chính thực hiện"
			if names, end := targets(text, toks, k+3, b); len(names) > 0 {
				coop = appendNew(coop, names...)
				k = end - 1
			}
		case seq(toks, k, "phối", "hợp") && !nounCompound(toks, k):
			j := k + 2
			for j < b && (seq(toks, j, "chặt", "chẽ") || seq(toks, j, "có", "hiệu", "quả") || seq(toks, j, "thường", "xuyên")) {
				if toks[j].f == "có" {
					j++
				}
				j += 2
			}
			if j < b && (toks[j].f == "với" || toks[j].f == "cùng") {
				j++
				if j < b && toks[j].w == ":" {
					j++
				}
			} else {
				for m := j; m+1 < b && m < j+3 && !toks[m].punct; m++ {
					if toks[m].f == "với" && (headAt(toks, m+1) > 0 || collectiveAt(toks, m+1) > 0) {
						j = m + 1 // "phối hợp thực hiện với Sở Y tế"
						break
					}
				}
			}
			if names, end := targets(text, toks, j, b); len(names) > 0 {
				coop = appendNew(coop, names...)
				k = end - 1
			}
		case seq(toks, k, "báo", "cáo") || seq(toks, k, "phản", "ánh"):
			j := k + 2
			for j < b && (toks[j].w == "," || seq(toks, j, "đề", "xuất") || seq(toks, j, "kiến", "nghị") || toks[j].f == "lên" || toks[j].f == "về" || toks[j].f == "cho" || seq(toks, j, "trực", "tiếp")) {
				if toks[j].f == "đề" || toks[j].f == "kiến" || toks[j].f == "trực" {
					j++
				}
				j++
			}
			names, end := targets(text, toks, j, b)
			if len(names) == 0 { // "báo cáo tình hình thực hiện về X"
				verb := false // "báo cáo kết quả cấp giấy phép cho các doanh nghiệp": the object's verb
				for m := j; m < b && m < j+30; m++ {
					if toks[m].punct && toks[m].w != "," && toks[m].w != "(" && toks[m].w != ")" {
						break
					}
					if (toks[m].f == "về" || toks[m].f == "lên") && !toks[m].cap {
						// "báo cáo về tình hình … về Sở X": the first "về"
						// opens the subject of the report, a later one its receiver
						if names, end = targets(text, toks, m+1, b); len(names) > 0 {
							break
						}
					}
					if (toks[m].f == "cho" || toks[m].f == "với") && !verb && m < j+12 {
						// "báo cáo kết quả thực hiện cho UBND tỉnh", "báo cáo kết quả với UBND tỉnh"
						if names, end = targets(text, toks, m+1, b); len(names) > 0 {
							break
						}
					}
					if isMarker(toks, m) && !seq(toks, m, "thực", "hiện") || toks[m].w == "," {
						verb = true
					}
				}
			}
			if len(names) > 0 {
				rep.all = appendNew(rep.all, names...)
				rep.leadless = appendNew(rep.leadless, names...)
				k = end - 1
			}
		case t.f == "gửi" && !t.cap || t.f == "gửi" && k == a:
			if k > 0 && toks[k-1].f == "tiền" {
				continue // "tiền gửi": a deposit
			}
			j := k + 1
			for j < b && (toks[j].f == "về" || toks[j].f == "đến" || toks[j].f == "lên" || toks[j].f == "tới" || toks[j].f == "cho") {
				j++
			}
			names, end := targets(text, toks, j, b)
			if len(names) == 0 {
				for m := j; m < b && m < j+14; m++ {
					if toks[m].punct && toks[m].w != "," {
						break
					}
					if (toks[m].f == "về" || toks[m].f == "đến" || toks[m].f == "tới") && !toks[m].cap {
						names, end = targets(text, toks, m+1, b)
						break
					}
				}
			}
			if len(names) > 0 {
				rep.all = appendNew(rep.all, names...)
				rep.leadless = appendNew(rep.leadless, names...)
				if end < b && seq(toks, end, "tổng", "hợp") {
					lead = appendNew(lead, names...)
				}
				k = end - 1
			}
		case (t.f == "trình" || seq(toks, k, "tham", "mưu") || seq(toks, k, "đề", "xuất") || seq(toks, k, "kiến", "nghị")) && !nounCompound(toks, k):
			j := k + 1
			if t.f != "trình" {
				j++
			}
			if j < b && (toks[j].f == "cho" || toks[j].f == "với" && t.f != "trình") {
				j++ // "tham mưu cho UBND tỉnh", "đề xuất với UBND tỉnh"
			}
			if names, end := targets(text, toks, j, b); len(names) > 0 {
				rep.all = appendNew(rep.all, names...)
				k = end - 1
			}
		case t.w == "(" && k+1 < b && (toks[k+1].f == "qua" || seq(toks, k+1, "thông", "qua")):
			j := k + 2
			if toks[k+1].f == "thông" {
				j++
			}
			for j < b && toks[j].w != ")" {
				if headAt(toks, j) > 0 {
					// a routing note names its agency up to a comma, the
					// ")" or a qualifier ("(qua Cục Giám sát quản lý)",
					// "(qua Sở Tài chính đối với vốn chi thường xuyên, …)")
					end := nameEnd(toks, j, b)
					for end < b && toks[end].w != ")" && toks[end].w != "," && toks[end].w != ";" && toks[end].w != "(" && !isStop(toks, end) {
						end++ // a verb-like word inside the name ("Cục Giám sát quản lý")
					}
					if name := nameText(text, toks, j, end); name != "" {
						rep.all = appendNew(rep.all, name)
						rep.leadless = appendNew(rep.leadless, name)
					}
					j = end
					if j < b && (toks[j].f == "và") {
						j++
					}
					continue
				}
				// skip to the next list member
				for j < b && toks[j].w != "," && toks[j].w != ")" && toks[j].w != ";" {
					j++
				}
				if j < b && toks[j].w == "," {
					j++
				}
			}
			k = j
		}
	}
	return
}

// targets reads the list of agencies that starts at toks[i] (the object of
// "phối hợp với", "báo cáo", …) and returns it with the index after it.
func targets(text string, toks []token, i, b int) ([]string, int) {
	end, distributive := targetsEnd(toks, i, b)
	if end == i {
		return nil, i
	}
	if distributive {
		return parseList(text, toks, i, end, false), end
	}
	names := parseList(text, toks, i, end, false)
	kept := names[:0]
	for _, n := range names {
		// "cơ quan có thẩm quyền", "cấp có thẩm quyền": a role, not an addressee
		if !strings.HasSuffix(vntext.Fold(n), "co tham quyen") {
			kept = append(kept, n)
		}
	}
	return kept, end
}

// targetsEnd is the index after the list targets reads at toks[i] (i when
// there is none), for the callers that need only where it ends, and
// whether the list is a distributive one.
func targetsEnd(toks []token, i, b int) (int, bool) {
	if i >= b || headAt(toks, i) == 0 && collectiveAt(toks, i) == 0 {
		return i, false
	}
	if n, _ := distributiveAt(toks, i, b); n > 0 {
		return distributiveEnd(toks, i+n, b), true
	}
	end := i
	for j := i; j < b; {
		if n, _ := distributiveAt(toks, j, b); n > 0 && j > i {
			end = distributiveEnd(toks, j+n, b) // "Sở Công Thương, UBND các huyện: Cao Lộc, Văn Lãng"
			break
		}
		n := nameEnd(toks, j, b)
		if m := sharedMember(toks, i, j); n <= j && m > 0 {
			n = nameTail(toks, j, j+m, b) // "các Bộ, cơ quan và địa phương liên quan"
		}
		if n <= j {
			break
		}
		end = n
		// continue the list over ", " / " và " / "; " before another name
		k := n
		if k < b && (toks[k].w == "," || toks[k].f == "và" || toks[k].f == "hoặc" || toks[k].f == "cùng") {
			k++
			if k < b && toks[k].f == "và" {
				k++
			}
		}
		if k > n && toks[n].w == "," && especially(toks, k) {
			k += 2 // "…, nhất là người đứng đầu": one more member
		}
		if k == n || k >= b || headAt(toks, k) == 0 && collectiveAt(toks, k) == 0 && sharedMember(toks, i, k) == 0 {
			break
		}
		j = k
	}
	return end, false
}

// distributiveEnd returns the end of the members of a distributive list
// ("các Sở: Tài chính, Nội vụ") that start at toks[end]: the verb after
// the list.
func distributiveEnd(toks []token, end, b int) int {
	for end < b && toks[end].w != ";" && toks[end].w != ")" && toks[end].w != "." {
		if !toks[end].cap && !toks[end].punct && (isMarker(toks, end) || toks[end-1].w != "," && isStop(toks, end)) &&
			!((toks[end].f == "và" || toks[end].f == "hoặc") && end+1 < b && toks[end+1].cap) {
			break // "…, Giao thông vận tải và UBND các huyện, thành phố" goes on
		}
		end++
	}
	return end
}

// stops are words that end a name read as an object ("gửi Sở Tài chính
// xem xét", "báo cáo UBND tỉnh phương án …").
var stops = phrases(false, "xem xét", "tổng hợp", "để", "theo", "trước", "phê duyệt", "giải quyết", "tháo gỡ",
	"bổ sung", "điều chỉnh", "trong", "khi", "nhằm", "nếu", "cho", "bằng", "về", "tại", "sau", "đồng thời",
	"tình hình", "kết quả", "hồ sơ", "phương án", "kế hoạch", "dự toán", "nhu cầu", "đề xuất", "kiến nghị",
	"quyết định", "văn bản", "chính sách", "danh mục", "báo cáo", "thông tin", "giao", "kiểm tra", "đối với",
	"về việc", "những", "các vấn đề", "việc", "đề nghị", "xin", "qua", "hoặc", "và", "cùng", "với", "ở", "từ",
	"dưới", "đến", "ngày", "tháng", "năm", "định kỳ", "hằng", "hàng tháng", "trực tiếp", "trên", "chi tiết",
	"giải ngân", "thực hiện", "các giải pháp", "phương hướng", "ý kiến", "trừ", "thông qua",
	"chậm nhất", "muộn nhất", "đúng hạn", "đúng thời hạn", // "trình UBND tỉnh chậm nhất ngày 15/3/2024"
	"giải pháp", "biện pháp", "dự thảo", "cơ chế", "số liệu", "danh sách", "tiến độ", "kinh phí")

// nameEnd returns the index after the agency name that starts at toks[i]:
// through its collective group, its words and qualifiers, up to a verb, a
// stop word or punctuation.
func nameEnd(toks []token, i, b int) int {
	j := i
	if n := collectiveAt(toks, j); n > 0 {
		j += n
	} else if n := headAt(toks, j); n > 0 {
		j += n
	} else {
		return i
	}
	return nameTail(toks, i, j, b)
}

// sharedMember returns the length of a bare plural noun at toks[k] that
// shares the "các" opening its list at toks[open] ("các Bộ, cơ quan và địa
// phương liên quan": "địa phương" is "các địa phương"), or 0.
func sharedMember(toks []token, open, k int) int {
	if open >= k || k >= len(toks) || toks[open].f != "các" || toks[k].cap || toks[k].punct ||
		toks[k-1].w != "," && toks[k-1].f != "và" || headAt(toks, k) > 0 || collectiveAt(toks, k) > 0 {
		return 0
	}
	best := 0
	for _, h := range headsByFirst["các"] {
		w := heads[h].words
		if len(w) > 1 && len(w)-1 > best && !heads[h].cap && seq(toks, k, w[1:]...) &&
			!(k+len(w)-1 < len(toks) && contains(heads[h].not, toks[k+len(w)-1].f)) {
			best = len(w) - 1
		}
	}
	return best
}

// nameTail returns the end of the agency name at toks[i] whose head runs
// to toks[j].
func nameTail(toks []token, i, j, b int) int {
	relative := false
	for j < b && j < i+24 {
		t := toks[j]
		if t.w == "(" {
			// a parenthetical that is not a routing note belongs to the name
			if j+1 < b && (toks[j+1].f == "qua" || toks[j+1].f == "thông") {
				return j
			}
			d := depthAt(toks, j, b)
			_ = d
			k := j
			for dd := 0; k < b; k++ {
				if toks[k].w == "(" {
					dd++
				} else if toks[k].w == ")" {
					if dd--; dd == 0 {
						break
					}
				}
			}
			if k >= b {
				return j
			}
			j = k + 1
			continue
		}
		if t.punct && t.w != "-" && t.w != "–" && t.w != "&" {
			if t.w == "," {
				// "Sở Văn hóa, Thể thao và Du lịch": a comma inside a known name
				if m := knownContinuation(toks, i, j, b); m > j {
					j = m
					continue
				}
				// "Vụ Phổ biến, giáo dục pháp luật": a name goes on in lower case
				if nx := j + 1; nx < b && !toks[nx].cap && !toks[nx].punct && headAt(toks, nx) == 0 && !contains(listWords, toks[nx].f) &&
					collectiveAt(toks, nx) == 0 && !isMarker(toks, nx) && !isStop(toks, nx) && !strings.ContainsAny(toks[nx].w[:1], "0123456789") {
					j = nx
					continue
				}
			}
			return j
		}
		if n := collectiveAt(toks, j); n > 0 && j > i && toks[j].f == "các" {
			j += n // "Thủ trưởng các sở, ban, ngành"
			continue
		}
		if (t.f == "và" || t.f == "hoặc") && j+1 < b {
			if m := knownContinuation(toks, i, j, b); m > j {
				j = m
				continue
			}
			if headAt(toks, j+1) > 0 || toks[j+1].punct {
				return j
			}
			if !toks[j+1].cap {
				return j
			}
			j++ // "Sở Kế hoạch và Đầu tư"
			continue
		}
		n, strong := markerAt(toks, j)
		if n > 0 && !t.cap {
			if hardStop(toks, j) {
				return j // "gửi X xem xét, tổng hợp": what X is to do
			}
			if !strong && (nounCompound(toks, j) || relative) {
				// "được giao <verb>" goes on; after "nơi <verb> <object>"
				// the next verb is the predicate again
				relative = true
				j += n
				continue
			}
			return j
		}
		if !t.cap && isStop(toks, j) && !(j >= 2 && seq(toks, j-2, "công", "nghệ", "thông", "tin")) {
			// ("Cục Công nghệ thông tin và Thống kê Hải quan": information
			// technology, not the information sent to an agency)
			return j
		}
		if t.f == "nơi" && j+2 < b && !toks[j+1].punct && !toks[j+2].punct {
			j += 3 // "nơi đăng ký tờ khai": the verb after "nơi" is the name's
			continue
		}
		if t.f == "được" {
			relative = true
		}
		j++
	}
	return j
}

// memberStart reports whether toks[i] opens a new member of a list of
// actors ("…, người sử dụng đất", "…, tổ chức chính trị", "…, các Ủy ban").
func memberStart(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	return headAt(toks, i) > 0 || collectiveAt(toks, i) > 0 || toks[i].f == "các" && i+1 < len(toks) && toks[i+1].f != "các" && memberStart(toks, i+1) ||
		!toks[i].cap && (toks[i].f == "người" || seq(toks, i, "tổ", "chức") ||
			seq(toks, i, "hộ", "gia") || seq(toks, i, "đối", "tượng"))
}

// hardStop reports a verb that ends an object's name even inside a
// relative clause.
func hardStop(toks []token, j int) bool {
	return seq(toks, j, "xem", "xét") || seq(toks, j, "tổng", "hợp") || seq(toks, j, "phê", "duyệt") ||
		seq(toks, j, "giải", "quyết") || seq(toks, j, "chấp", "thuận")
}

// listWords open a new member of a list, never the tail of a name
// ("Hội đồng Dân tộc, các Ủy ban của Quốc hội").
var listWords = []string{"các", "những", "mọi", "và", "hoặc", "cùng", "nhất", "đặc",
	"người", "tổ", "cơ", "đơn", "cá", "trường", "doanh", "hộ"} // "…, người sử dụng đất", "…, tổ chức chính trị"

// knownContinuation extends the name toks[i:j] over the comma or "và" at
// toks[j] when the registry knows a longer name ("Sở Văn hóa, Thể thao và
// Du lịch"); it returns the new end or j.
func knownContinuation(toks []token, i, j, b int) int {
	best := j
	for end := j + 2; end <= b && end <= j+8; end++ {
		if _, ok := knownKeys[key(joinToks(toks, i, end))]; ok {
			best = end
		}
	}
	return best
}

// knownTail returns the end of a registry name that goes on over the "và"
// or comma at toks[j] in lower case ("Cục Công nghệ thông tin và thống kê
// hải quan thực hiện"), for a member of the subject toks[s:j] that opens
// with a head word; it returns j when there is none.
func knownTail(toks []token, s, j, b int) int {
	if j >= b || toks[j].f != "và" && toks[j].w != "," {
		return j
	}
	for k := j - 1; k >= s; k-- {
		if k > s && toks[k-1].w != "," && toks[k-1].f != "và" {
			continue
		}
		if headAt(toks, k) > 0 {
			if m := knownContinuation(toks, k, j, b); m > j {
				return m
			}
		}
	}
	return j
}

func joinToks(toks []token, i, j int) string {
	var sb strings.Builder
	for k := i; k < j; k++ {
		if k > i && !(toks[k].punct && toks[k].w != "(" && toks[k].w != "-" && toks[k].w != "–") {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[k].w)
	}
	return sb.String()
}

func clean(s string) string {
	return strings.Trim(vntext.CleanSpace(strings.ReplaceAll(s, "\n", " ")), " ,;:.-–")
}

func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		dup := false
		for _, x := range list {
			if vntext.EqualFold(x, n) {
				dup = true
				break
			}
		}
		if !dup && n != "" {
			list = append(list, n)
		}
	}
	if list == nil {
		list = []string{}
	}
	return list
}

// parseList splits toks[i:j] into agency names: distributive lists are
// expanded ("các Sở: Xây dựng, Tài chính"), "(gồm …)" lists replace the
// noun they explain, collective groups and names with commas or "và"
// inside stay whole.
func parseList(text string, toks []token, i, j int, cell bool) []string {
	var out []string
	for k := i; k < j; {
		t := toks[k]
		if t.w == "," || t.w == ";" || t.w == "-" || t.w == "–" || t.w == ":" || !t.cap && (t.f == "và" || t.f == "hoặc" || t.f == "cùng") {
			if t.f == "hoặc" && !cell && k+1 < j && !toks[k+1].cap && !memberStart(toks, k+1) {
				break // "… các cấp hoặc thông qua các thành viên của Mặt trận": no more actors
			}
			k++
			continue
		}
		if n, prefix := distributiveAt(toks, k, j); n > 0 {
			items, next := distributiveItems(text, toks, k+n, j, prefix)
			out = appendNew(out, items...)
			k = next
			continue
		}
		if !memberStart(toks, k) && !cell && sharedMember(toks, i, k) == 0 {
			k++
			continue
		}
		e := itemEnd(toks, i, k, j)
		if g := gomAt(toks, k, e); g >= 0 {
			close := closing(toks, g, e)
			from := g + 2
			if toks[g+1].f == "bao" {
				from++
			}
			if inner := parseList(text, toks, from, close, cell); len(inner) > 0 {
				out = appendNew(out, inner...)
				k = close + 1
				continue
			}
		}
		if name := nameText(text, toks, k, e); name != "" {
			out = appendNew(out, name)
		}
		k = e
	}
	return shareTitle(shareLocality(out))
}

// shareTitle gives the party committees listed after "ban thường vụ các
// tỉnh ủy" the standing body that heads the list: "ban thường vụ các tỉnh
// uỷ, thành uỷ, đảng ủy trực thuộc Trung ương" names the standing
// committees of all three kinds, not the committees themselves.
func shareTitle(names []string) []string {
	for n := 0; n < len(names)-1; n++ {
		t := tokenize(names[n])
		h := 0
		switch {
		case seq(t, 0, "ban", "thường", "vụ", "các") || seq(t, 0, "ban", "chấp", "hành", "các"):
			h = 3
		case seq(t, 0, "thường", "trực", "các"):
			h = 2
		}
		if h == 0 || !partyCommittee(t, h+1) {
			continue
		}
		title := names[n][:t[h-1].e]
		for m := n + 1; m < len(names); m++ {
			if !partyCommittee(tokenize(names[m]), 0) {
				break
			}
			names[m] = title + " " + names[m]
			n = m
		}
	}
	return names
}

// partyCommittee reports a party committee named by its level at toks[i]
// ("tỉnh ủy", "thành uỷ", "đảng ủy trực thuộc Trung ương").
func partyCommittee(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].f != "ủy" && toks[i+1].f != "uỷ" {
		return false
	}
	switch toks[i].f {
	case "tỉnh", "thành", "huyện", "quận", "thị", "đảng":
		return true
	}
	return false
}

// shareLocality gives a bare people's council or committee the locality of
// the council or committee after it in the list: "Hội đồng nhân dân, Ủy ban
// nhân dân thành phố Đà Nẵng" and "HĐND, UBND các tỉnh, thành phố" name
// two bodies of the same place.
func shareLocality(names []string) []string {
	for n := len(names) - 2; n >= 0; n-- {
		t := tokenize(names[n])
		if h := councilBody(t); h == 0 || h != len(t) {
			continue
		}
		next := names[n+1]
		t2 := tokenize(next)
		if h2 := councilBody(t2); h2 > 0 && h2 < len(t2) && !t2[h2].punct {
			names[n] = names[n] + " " + next[t2[h2].s:]
		}
	}
	return names
}

// councilBody returns the number of tokens of a people's council or
// committee named without its place at the start of toks ("Thường trực
// HĐND", "Ủy ban nhân dân"), or 0.
func councilBody(toks []token) int {
	n := 0
	if seq(toks, 0, "thường", "trực") {
		n = 2
	}
	switch {
	case n < len(toks) && (toks[n].f == "ubnd" || toks[n].f == "hđnd"):
		return n + 1
	case seq(toks, n, "ủy", "ban", "nhân", "dân") || seq(toks, n, "uỷ", "ban", "nhân", "dân") || seq(toks, n, "hội", "đồng", "nhân", "dân"):
		return n + 4
	}
	return 0
}

// especially reports "nhất là" / "đặc biệt là" at toks[i]: what follows is
// a member of the list singled out, not the tail of the one before.
func especially(toks []token, i int) bool {
	return seq(toks, i, "nhất", "là") || seq(toks, i, "đặc", "biệt", "là")
}

// itemEnd returns the end of the list member that starts at toks[k].
func itemEnd(toks []token, open, k, j int) int {
	m := k
	if n := collectiveAt(toks, m); n > 0 {
		m += n
	} else {
		m++
	}
	for m < j {
		t := toks[m]
		if t.w == "(" {
			m = min(closing(toks, m, j)+1, j) // an unclosed "(" ends the item
			continue
		}
		if n := collectiveAt(toks, m); n > 0 && t.f == "các" {
			m += n
			continue
		}
		if t.w == ";" {
			return m
		}
		if t.w == "," || !t.cap && (t.f == "và" || t.f == "hoặc" || t.f == "cùng") {
			nx := m + 1
			if nx < j && toks[nx].f == "và" {
				nx++
			}
			if nx >= j {
				return m
			}
			if n, _ := distributiveAt(toks, nx, j); n > 0 {
				return m
			}
			if (memberStart(toks, nx) || sharedMember(toks, open, nx) > 0) && knownContinuation(toks, k, m, j) == m || especially(toks, nx) {
				return m
			}
			if t.f == "hoặc" && !toks[nx].cap {
				return m // "Mặt trận Tổ quốc Việt Nam các cấp hoặc thông qua …"
			}
		}
		m++
	}
	return m
}

func closing(toks []token, open, j int) int {
	d := 0
	for k := open; k < j; k++ {
		if toks[k].w == "(" {
			d++
		} else if toks[k].w == ")" {
			if d--; d == 0 {
				return k
			}
		}
	}
	return j
}

// gomAt returns the index of a "(gồm …)" / "(bao gồm …)" in toks[k:e], or -1.
func gomAt(toks []token, k, e int) int {
	for m := k; m+1 < e; m++ {
		if toks[m].w == "(" && (toks[m+1].f == "gồm" || seq(toks, m+1, "bao", "gồm")) {
			return m
		}
	}
	return -1
}

// distributiveAt recognizes "các Sở:" / "Sở:" / "các Bộ:" at toks[k] and
// returns its length and the noun each member takes ("Sở").
func distributiveAt(toks []token, k, j int) (int, string) {
	m := k
	title := ""
	// "Giám đốc các Sở: Tài chính, Xây dựng" → "Giám đốc Sở Tài chính", …
	for _, tw := range [][]string{{"giám", "đốc"}, {"thủ", "trưởng"}, {"lãnh", "đạo"}, {"vụ", "trưởng"}, {"cục", "trưởng"}} {
		if seq(toks, m, tw...) && m+2 < j && toks[m+2].f == "các" {
			title = toks[m].w + " " + toks[m+1].w + " "
			m += 2
			break
		}
	}
	// "UBND các huyện: Cao Lộc, Văn Lãng" → "UBND huyện Cao Lộc", …
	if n := localCouncil(toks, m, j); n > 0 && m+n+2 < j && toks[m+n].f == "các" && toks[m+n+2].w == ":" &&
		(toks[m+n+1].f == "huyện" || toks[m+n+1].f == "xã") {
		return m + n + 3 - k, joinToks(toks, m, m+n) + " " + toks[m+n+1].w
	}
	// "UBND các huyện Cao Lộc, Văn Lãng" (no colon)
	if n := localCouncil(toks, m, j); n > 0 && m+n+2 < j && toks[m+n].f == "các" &&
		(toks[m+n+1].f == "huyện" || toks[m+n+1].f == "xã") && sharedList(toks, m+n+2, j) {
		return m + n + 2 - k, joinToks(toks, m, m+n) + " " + toks[m+n+1].w
	}
	if m < j && toks[m].f == "các" {
		m++
		// "các Sở Tài chính, Nội vụ" (no colon): one noun for all
		if m+1 < j && (toks[m].f == "sở" || toks[m].f == "bộ") && sharedList(toks, m+1, j) {
			w := toks[m].w
			r := []rune(w)
			return m + 1 - k, title + strings.ToUpper(string(r[0])) + string(r[1:])
		}
	}
	if m+1 >= j || toks[m+1].w != ":" {
		return 0, ""
	}
	switch toks[m].f {
	case "sở", "bộ", "ban", "cục", "vụ":
		w := toks[m].w
		r := []rune(w)
		return m + 2 - k, title + strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return 0, ""
}

// sharedList reports whether toks[at] opens a list of capitalized names
// that share the noun before it ("Tài chính, Nội vụ" after "các Sở"): a
// later member is capitalized but no agency name of its own.
func sharedList(toks []token, at, j int) bool {
	if at >= j || !toks[at].cap || headAt(toks, at) > 0 {
		return false
	}
	for k := at + 1; k < j; k++ {
		if toks[k].w == "," {
			return k+1 < j && toks[k+1].cap && headAt(toks, k+1) == 0 && collectiveAt(toks, k+1) == 0
		}
		if toks[k].punct || isMarker(toks, k) && !toks[k].cap {
			return false
		}
	}
	return false
}

// localCouncil returns the length of "UBND" / "Ủy ban nhân dân" /
// "Chủ tịch UBND" at toks[m], or 0.
func localCouncil(toks []token, m, j int) int {
	n := 0
	if seq(toks, m, "chủ", "tịch") {
		n = 2
	}
	switch {
	case m+n < j && toks[m+n].f == "ubnd":
		return n + 1
	case seq(toks, m+n, "ủy", "ban", "nhân", "dân"):
		return n + 4
	}
	return 0
}

// distributiveItems reads the members of a distributive list from toks[k]
// up to ";" or j, each taking prefix unless it names its own agency
// ("Ban Dân tộc tỉnh").
func distributiveItems(text string, toks []token, k, j int, prefix string) ([]string, int) {
	end := k
	for end < j && toks[end].w != ";" && toks[end].w != ")" {
		end++
	}
	var pieces [][2]int
	s := k
	// "UBND các huyện: Cao Lộc, Lộc Bình và thành phố Lạng Sơn": a unit of
	// another kind takes the title only ("UBND thành phố Lạng Sơn")
	local := strings.HasSuffix(prefix, " huyện") || strings.HasSuffix(prefix, " xã")
	title := prefix[:max(0, strings.LastIndexByte(prefix, ' '))]
	for m := k; m <= end; m++ {
		// members are cut at commas, and at "và" before a name of its own
		// ("Giao thông vận tải và UBND các huyện, thành phố")
		if m == end || toks[m].w == "," || (toks[m].f == "và" || toks[m].f == "hoặc") && !toks[m].cap && m+1 < end && (headAt(toks, m+1) > 0 || collectiveAt(toks, m+1) > 0 || local && localUnit(toks, m+1)) {
			if m > s {
				pieces = append(pieces, [2]int{s, m})
			}
			s = m + 1
		}
	}
	var out []string
	var cur [2]int
	have := false
	flush := func() {
		if !have {
			return
		}
		name := nameText(text, toks, cur[0], cur[1])
		if local && localUnit(toks, cur[0]) {
			name = title + " " + name
		} else if headAt(toks, cur[0]) == 0 {
			name = prefix + " " + name
		}
		out = append(out, name)
		have = false
	}
	for n, p := range pieces {
		if have {
			noun := prefix[strings.LastIndexByte(prefix, ' ')+1:] // "Cục trưởng Cục" → "Cục"
			joined := key(noun + " " + joinToks(toks, cur[0], p[1]))
			_, known := knownKeys[joined]
			for k := range knownKeys {
				// "Quản lý Y, Dược cổ truyền - Bộ Y tế": a known name with a tail
				if !known && strings.HasPrefix(joined, k+"-") && strings.Contains(k, ",") {
					known = true
				}
			}
			if known || !toks[p[0]].cap && !toks[p[0]].punct && !(local && localUnit(toks, p[0])) {
				cur[1] = p[1]
				continue
			}
		}
		flush()
		if n > 0 && headAt(toks, p[0]) > 0 {
			// a member that names its own agency ends the list: the rest
			// is read as an ordinary list ("…, Ban Dân tộc tỉnh",
			// "…, Giám đốc Kho bạc Nhà nước, Chủ tịch UBND …")
			return out, p[0]
		}
		cur, have = p, true
	}
	flush()
	return out, end
}

// localUnit reports a local unit named with its kind ("thành phố Lạng
// Sơn", "thị xã …", "huyện …").
func localUnit(toks []token, m int) bool {
	return seq(toks, m, "thành", "phố") || seq(toks, m, "thị", "xã") || seq(toks, m, "thị", "trấn") ||
		m < len(toks) && (toks[m].f == "huyện" || toks[m].f == "phường") && m+1 < len(toks) && toks[m+1].cap
}

// nameText is the text of toks[k:e] as written, without parentheticals
// and with line breaks as spaces.
func nameText(text string, toks []token, k, e int) string {
	if k >= e {
		return ""
	}
	var sb strings.Builder
	from := toks[k].s
	for m := k; m < e; m++ {
		if toks[m].w == "(" {
			sb.WriteString(text[from:toks[m].s])
			c := closing(toks, m, e)
			m = c
			if c < e {
				from = toks[c].e
			} else {
				from = toks[e-1].e
			}
		}
	}
	if from < toks[e-1].e {
		sb.WriteString(text[from:toks[e-1].e])
	}
	name := clean(sb.String())
	for _, p := range []string{"và ", "cùng ", "với "} {
		name = strings.TrimPrefix(name, p)
	}
	return name
}

// stopsByFirst indexes stops by their first word.
var stopsByFirst = byFirst(stops)

func isStop(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	for _, k := range stopsByFirst[toks[j].f] { // only these can match at j
		if seq(toks, j, stops[k].words...) {
			return true
		}
	}
	return false
}

// citedIssuer reports whether the names at toks[st] (after a comma) go on
// the issuers of a cited instrument: "Thông tư liên tịch số
// 07/2013/TTLT-BGDĐT-BNV-BTC ngày 08 tháng 03 năm 2013 của Bộ trưởng Bộ
// Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính hướng
// dẫn …", "… giữa Bộ Tài chính, Bộ Công Thương …": the names are who issued
// it and "hướng dẫn …" its title, not a duty of this clause. A subject
// toks[st:p] that repeats an issuer is the clause's own ("… Quyết định
// 1500/QĐ-TCHQ ngày 24/5/2016 của Tổng cục trưởng Tổng cục Hải quan, Tổng
// cục Hải quan hướng dẫn bổ sung như sau"). Only the clause's tokens since
// its start a are read.
func citedIssuer(toks []token, a, st, p int) bool {
	if st == 0 || toks[st-1].w != "," {
		return false
	}
	for k := st - 2; k > a && k >= st-40; k-- {
		t := toks[k]
		if t.punct && t.w != "," && t.w != "(" && t.w != ")" {
			return false
		}
		if t.cap || t.f != "của" && t.f != "giữa" {
			continue
		}
		// the names from "của" to the comma: no verb among them
		if headAt(toks, k+1) == 0 || hasVerb(toks, k+1, st-1) || repeats(toks, st, p, k+1, st-1) {
			return false
		}
		// an instrument's number shortly before: "số 07/2013/TTLT-…",
		// "84/2013/TTLT-BTC-BCT-BGTVT ngày 25 tháng 6 năm 2013"
		for m := k - 1; m >= a && m >= k-12; m-- {
			if toks[m].punct && toks[m].w != "," {
				return false
			}
			if instrumentNumber(toks[m].w) {
				return true
			}
		}
		return false
	}
	return false
}

// instrumentNumber reports whether w is the number of a legal instrument
// ("07/2013/TTLT-BGDĐT-BNV-BTC", "35-CT/TW", "48/2011/QĐ-TTg"): digits,
// then a "/" and a letter.
func instrumentNumber(w string) bool {
	slash := strings.IndexByte(w, '/')
	if slash <= 0 || strings.IndexAny(w[:slash], "0123456789") < 0 {
		return false
	}
	for _, r := range w[slash+1:] {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// repeats reports whether the words toks[a:b] occur, in order, within
// toks[c:d].
func repeats(toks []token, a, b, c, d int) bool {
	n := b - a
	if n <= 0 {
		return false
	}
	for k := c; k+n <= d; k++ {
		same := true
		for m := 0; m < n && same; m++ {
			same = toks[k+m].f == toks[a+m].f
		}
		if same {
			return true
		}
	}
	return false
}

package claim

import "strings"

var ruGroupStems = []string{"делегаци", "правительств", "сторон", "товарищ", "руководств", "представител",
	"войск", "арми", "командовани", "народ"}

func hasStem(w string, stems ...string) bool {
	for _, s := range stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// demonymsRU turns Russian nationality words used for a state into
// references to it: "мексиканцы", "китайская сторона", "корейские товарищи".
func (x *extractor) demonymsRU(ts []tok) {
	for i := range ts {
		t := &ts[i]
		if t.punct || t.refs != nil {
			continue
		}
		c := ruCountry(t.w, x.d.Date)
		if c == "" {
			continue
		}
		people := !strings.Contains(t.w, "ск") // "мексиканцы", not "мексиканский"
		group := i+1 < len(ts) && hasStem(ts[i+1].w, ruGroupStems...)
		if !people && !group {
			t.adj = true
			continue
		}
		cls := "Country"
		if c == "Chinese Communist Party" {
			cls = "Organization"
		}
		t.refs = []Ref{{cls, c}}
	}
}

// proposalsRU finds national proposals in Russian ("предложение
// мексиканцев", "мексиканское предложение", "своим предложением") and their
// anaphors ("это предложение").
func (x *extractor) proposalsRU(ts []tok, sp span, si int) []tok {
	out := x.scratch[:0]
	defer func() { x.scratch = out[:0] }()
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.refs == nil && !t.punct && (t.w == "это" || t.w == "этого" || t.w == "оно") && (i+1 == len(ts) || ts[i+1].punct || !strings.HasPrefix(ts[i+1].w, "предлож")) {
			x.resolveIt(&t, out, si)
		}
		if t.punct || t.refs != nil || !strings.HasPrefix(t.w, "предложени") {
			out = append(out, t)
			continue
		}
		var owner []Ref
		start, end := i, i+1
		if i > 0 {
			p := ts[i-1]
			switch {
			case p.refs == nil && ruCountry(p.w, x.d.Date) != "":
				owner, start = []Ref{{"Country", ruCountry(p.w, x.d.Date)}}, i-1
			case strings.HasPrefix(p.w, "сво"):
				// "со своим предложением": the clause's subject's
				owner = subjectOf(ts, i-1)
			}
		}
		if owner == nil && i+1 < len(ts) {
			n := ts[i+1]
			switch {
			case n.refs != nil && agentRefs(n) || n.refs != nil && n.adj:
				if c := ruCountry(n.w, x.d.Date); c != "" {
					owner = []Ref{{"Country", c}}
				} else if agentRefs(n) {
					owner = n.refs
				}
				end = i + 2
			case n.refs == nil && ruCountry(n.w, x.d.Date) != "":
				owner, end = []Ref{{"Country", ruCountry(n.w, x.d.Date)}}, i+2
			}
		}
		if len(owner) == 0 {
			if pid := recentProp(out, x.lastProp); i > 0 && hasStem(ts[i-1].w, "эт", "данн", "так") && pid > 0 {
				f := x.fold(ts, out, i-1, i+1, pid)
				out = f.out
				continue
			}
			out = append(out, t)
			continue
		}
		o := owner[0]
		if _, national := adjective[o.Name]; !national {
			out = append(out, t)
			continue
		}
		pid := x.ownedBy(o)
		if pid == 0 {
			pid = x.proposalRef(ownerName(o, 0), nil, span{ts[start].s, ts[end-1].e})
			x.props[pid-1].owner = o
		}
		x.add([]Ref{o}, "proposes", []Ref{x.props[pid-1].ref}, sp, 0.8)
		f := x.fold(ts, out, start, end, pid)
		out = f.out
		i = end - 1
	}
	return out
}

// subjectRU is the agent of a Russian verb; a verb with no subject in its
// clause ("Согласны с Вами") is the writer's.
func (x *extractor) subjectRU(ts []tok, i int) []Ref {
	// a verb in the first person names its subject by its ending:
	// "поддерживаем", "просим", "прошу" are the writer's (and their side's)
	if w := ts[i].w; firstPersonVerb(w) {
		return x.speakerRef()
	}
	if s := subjectOf(ts, i); s != nil {
		return s
	}
	for j := 0; j < i; j++ {
		if agentAt(ts, j) {
			return nil
		}
	}
	return x.speakerRef()
}

// cuesRU reads the claims of a Russian sentence.
func (x *extractor) cuesRU(ts []tok, sp span, si int) {
	x.sentenceFacts(ts, sp)
	x.conversationWith(ts, sp)
	if o, at := x.imperialists(ts); o != nil && !x.inQuote && !x.mute {
		// the speaker's own charge, where no one else is named as making it
		own := true
		for k := 0; k < at; k++ {
			own = own && !(ts[k].ment && isPerson(ts[k].refs) && !(k+1 < len(ts) && ts[k+1].w == ":"))
		}
		if own {
			x.firstPersonCue = true
			x.add(x.speakerRef(), "accuses", o, sp, 0.7)
			x.firstPersonCue = false
		}
	}
	x.stancesRU(ts, sp)
	for i, t := range ts {
		if t.punct || t.refs != nil {
			continue
		}
		w := t.w
		switch {
		case strings.HasPrefix(w, "соглас") && !strings.HasPrefix(w, "согласов") && !strings.HasPrefix(w, "согласи") || w == "согласились" || w == "согласился":
			if inConditionRU(ts, i) {
				continue
			}
			subj := x.subjectRU(ts, i)
			neg := negated(ts, i)
			if i+1 < len(ts) && (ts[i+1].w == "с" || ts[i+1].w == "со") {
				if other := x.agreedWithThisRU(ts, i, subj); other != nil {
					if !neg {
						x.add(subj, "agrees_with", other, sp, 0.7) // "согласился с этим": with the one who said it
					}
					continue
				}
				if j, obj := rightObj(ts, i+1, true); obj != nil && governedRU(ts, i+1, j) {
					switch {
					case isProp(obj) && neg:
						x.add(subj, "opposes", obj, sp, 0.75)
					case isProp(obj):
						x.add(subj, "supports", obj, sp, 0.8)
					case !neg:
						x.add(subj, "agrees_with", obj, sp, 0.85)
					}
				}
				continue
			}
			// "С намеченным Вами планом ... согласны": the plan is the addressee's
			if !neg && sameRefs(subj, x.speakerRef()) {
				x.add(subj, "agrees_with", x.addressee, sp, 0.7)
			}
		case strings.HasPrefix(w, "разделя"):
			subj := x.subjectRU(ts, i)
			for k := i + 1; k < len(ts) && k <= i+5; k++ {
				if ts[k].poss && ts[k].refs != nil && ts[k].pron != 0 {
					x.add(subj, "agrees_with", ts[k].refs, sp, 0.8)
					if p := x.topicProposal(ts, si); p != nil {
						x.add(subj, "supports", p, sp, 0.75)
					}
					break
				}
			}
		case strings.HasPrefix(w, "поддерж"):
			if inConditionRU(ts, i) || i > 0 && (ts[i-1].w == "в" || ts[i-1].w == "для") {
				continue // "единые действия в поддержку Вьетнама": the action's aim, no stance
			}
			subj := x.subjectRU(ts, i)
			if p := positionOfRU(ts, i); p != nil && subj != nil && p[0] != subj[0] {
				x.add(subj, "supports", p, sp, 0.75) // "поддерживает политику Советского Союза"
				continue
			}
			if j, obj := rightObj(ts, i, true); obj != nil && (isProp(obj) || j <= i+2) {
				if isPerson(obj) && j > 0 && strings.HasPrefix(ts[j-1].w, "предложени") {
					// "поддерживаем предложение Хрущева": his proposal, not him
					if pid := x.personProp[obj[0]]; pid > 0 {
						obj = []Ref{x.props[pid-1].ref}
					} else {
						continue
					}
				}
				rel := "supports"
				if negated(ts, i) {
					rel = "opposes"
				}
				x.add(subj, rel, obj, sp, 0.8)
			}
		case hasStem(w, "отверг", "отклон", "возража"):
			if inConditionRU(ts, i) {
				continue
			}
			subj := x.subjectRU(ts, i)
			j, obj := rightObj(ts, i, false)
			if negated(ts, i) {
				if obj == nil {
					obj = x.topicProposal(ts, si)
				}
				if isProp(obj) {
					x.add(subj, "supports", obj, sp, 0.7)
				}
				continue
			}
			if isProp(obj) || obj != nil && j <= i+2 && !isPerson(obj) {
				x.add(subj, "opposes", obj, sp, 0.85)
			}
		case strings.HasPrefix(w, "неприемлем"):
			var obj []Ref
			for j := i - 1; j >= 0; j-- {
				if ts[j].prop > 0 {
					obj = ts[j].refs
					break
				}
			}
			if obj != nil && !negated(ts, i) {
				holder := x.speakerRef()
				for j := 0; j < i; j++ {
					if ts[j].pron == 1 && ts[j].refs != nil {
						holder = ts[j].refs
						break
					}
				}
				x.add(holder, "opposes", obj, sp, 0.85)
				// "Мы согласны с Вами, что ... неприемлемо": yours too
				for j := 0; j+3 < i; j++ {
					if strings.HasPrefix(ts[j].w, "соглас") && !negated(ts, j) && (ts[j+1].w == "с" || ts[j+1].w == "со") &&
						ts[j+2].refs != nil && agentRefs(ts[j+2]) && (ts[j+3].w == "что" || ts[j+3].w == "," && j+4 < i && ts[j+4].w == "что") {
						x.add(ts[j+2].refs, "opposes", obj, sp, 0.75)
						break
					}
				}
			}
		case hasStem(w, "предлага", "предложил", "предложит", "предложим"):
			subj := x.subjectRU(ts, i)
			for j := i + 1; j < len(ts) && j <= i+3; j++ {
				if ts[j].prop > 0 {
					x.add(subj, "proposes", ts[j].refs, sp, 0.8)
					break
				}
			}
		case w == "прошу" || w == "просим" || hasStem(w, "просит", "просил", "просят"):
			if relayedRU(ts, i+1) {
				continue // "просил передать Вам приветы": a message carried, no request
			}
			subj := x.subjectRU(ts, i)
			obj := x.addressee
			if j, o := directObj(ts, i); o != nil && ts[j].prop == 0 && agentRefs(ts[j]) {
				obj = o
			}
			x.add(subj, "requests", obj, sp, 0.75)
		case hasStem(w, "сообща", "сообщи", "информир", "доклады", "докладыва", "доношу"):
			if i > 0 && ts[i-1].w == "прошу" || strings.HasSuffix(w, "ть") {
				continue // "просит сообщить": an infinitive, asked for, not done
			}
			subj := x.subjectRU(ts, i)
			obj := x.addressee
			if x.body != nil {
				obj = x.body
			}
			if obj == nil {
				obj = x.otherParticipant(subj) // "Косыгин сообщил, что ..." in a record of the two's talk
			}
			if j, o := directObj(ts, i); o != nil && ts[j].prop == 0 && agentRefs(ts[j]) {
				obj = o
			}
			x.add(subj, "informs", obj, sp, 0.75)
		case strings.HasPrefix(w, "агент"):
			k := i - 1
			for k >= 0 && hasStem(ts[k].w, "явля", "был", "есть") {
				k--
			}
			if accused := subjectOf(ts, k+1); accused != nil && !negated(ts, i) {
				x.add(x.holder(i), "accuses", accused, sp, 0.8)
			}
		case strings.HasPrefix(w, "союзник"):
			var found [][]Ref
			for j := i - 1; j >= 0 && len(found) < 2; j-- {
				if ts[j].pron == 0 && ts[j].ment && agentRefs(ts[j]) && ts[j].refs[0].Class != "Person" {
					if len(found) == 0 || found[0][0] != ts[j].refs[0] {
						found = append(found, ts[j].refs)
					}
				}
			}
			if len(found) == 2 {
				x.add(found[1], "allied_with", found[0], sp, 0.65)
			}
		case hasStem(w, "встретил", "встречал", "беседовал", "принял"):
			if host := receivedMe(ts, i); host != nil {
				// "Сегодня меня принял президент де Голль": he received the writer
				x.add(host, "meets", x.speakerRef(), sp, 0.7)
				continue
			}
			subj := x.subjectRU(ts, i)
			k := i
			if i+1 < len(ts) && (ts[i+1].w == "с" || ts[i+1].w == "со") {
				k = i + 1
			}
			if j, o := directObj(ts, k); j > 0 && isPerson(o) && isPerson(subj) {
				x.add(subj, "meets", o, sp, 0.7)
			}
		case hasStem(w, "посетил", "прибыл", "приехал"):
			if inConditionRU(ts, i) {
				continue
			}
			subj := x.subjectRU(ts, i)
			k := i
			if i+1 < len(ts) && (ts[i+1].w == "в" || ts[i+1].w == "во") {
				k = i + 1
			}
			if j, o := directObj(ts, k); j > 0 && ts[j].pron == 0 && (o[0].Class == "Place" || o[0].Class == "Country") {
				x.add(subj, "visits", o, sp, 0.7)
			}
		case hasStem(w, "отража", "выража", "соответству"):
			// "оно отражает позицию США": the proposal is that party's
			var prop []Ref
			for j := i - 1; j >= 0; j-- {
				if ts[j].prop > 0 {
					prop = ts[j].refs
					break
				}
			}
			if prop == nil || negated(ts, i) {
				continue
			}
			for j := i + 1; j+1 < len(ts) && j <= i+3; j++ {
				if hasStem(ts[j].w, "позици", "лини", "интерес", "политик") && agentRefs(ts[j+1]) {
					x.add(ts[j+1].refs, "supports", prop, sp, 0.7)
					break
				}
			}
		case hasStem(w, "меша", "препятству", "раскалыва", "подрыва", "срыва"):
			x.hostileRU(ts, i, sp)
		case w == "следующего" || w == "следующее":
			x.list(ts, i, sp, si, x.sents, x.toks)
		}
	}
}

// relayedRU reports whether the words from j pass a message on ("передать
// Вам", "меня сообщить", "довести до сведения").
func relayedRU(ts []tok, j int) bool {
	if j < len(ts) && (ts[j].w == "меня" || ts[j].w == "нас" || ts[j].w == "мне") {
		j++
	}
	return j < len(ts) && hasStem(ts[j].w, "передат", "сообщит", "довест", "проинформирова")
}

// receivedMe: "меня принял X", "нас принял X": the person who received the
// writer, named after the verb; nil where the writer is not the one received.
func receivedMe(ts []tok, i int) []Ref {
	if !hasStem(ts[i].w, "принял") {
		return nil
	}
	me := i > 0 && (ts[i-1].w == "меня" || ts[i-1].w == "нас") || i+1 < len(ts) && (ts[i+1].w == "меня" || ts[i+1].w == "нас")
	if !me {
		return nil
	}
	for j := i + 1; j < len(ts) && j <= i+8; j++ {
		if ts[j].ment && ts[j].pron == 0 && isPerson(ts[j].refs) {
			return ts[j].refs[:1]
		}
		if ts[j].w == "," || ts[j].w == "." {
			return nil
		}
	}
	return nil
}

func inConditionRU(ts []tok, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch ts[j].w {
		case ",", ";", ":":
			return false
		case "если", "надеются", "надеемся":
			return true
		}
	}
	return false
}

// firstPersonVerb: a Russian present-tense verb of the first person
// ("поддерживаем", "просим", "осуждаем", "прошу", "считаю").
func firstPersonVerb(w string) bool {
	r := []rune(w)
	if len(r) < 5 {
		return false
	}
	switch string(r[len(r)-2:]) {
	case "ем", "им", "ём":
		return true
	}
	switch string(r[len(r)-3:]) {
	case "шу", "жу", "чу", "щу":
		return false
	}
	switch string(r[len(r)-2:]) {
	case "аю", "яю", "ую", "шу", "жу", "чу", "щу", "лю", "ою":
		return true
	}
	return false
}

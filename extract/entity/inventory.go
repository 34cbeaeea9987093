package entity

import "strings"

// The inventories below let the recogniser tell a personal name from other
// capitalised words without a list of people: the syllables of the
// romanisation systems East Asian names are written in, the family names
// those names begin with, given names of the European languages the records
// use, the titles and ranks written before a name, and the capitalised
// words of record layouts that are never names.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// syllables of Hanyu Pinyin, Wade-Giles (apostrophes dropped), McCune-
// Reischauer and Revised Romanisation of Korean, and Vietnamese without
// diacritics, lower case.
var syllables = set(`
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu
cuan cui cun cuo da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo e ei
en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lue ma mai man
mang mao mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang
niao nie nin ning niu nong nou nu nuan nuo nue o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po
pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai
shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong
tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan
xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai
zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
zun zuo
chiang chieh chien chih ching chiu chiung cho chou chuan chueh chun chung erh hsi hsia hsiang hsiao hsieh hsien
hsin hsing hsiung hsiu hsu hsuan hsueh hsun jen jih jo jou ju juan jui jun jung kan kang kao keng ko kou kuei kung
kuo lieh lo lueh mieh nieh pien piao pieh ping po sung szu ta tang tao te teng tieh tien ting to tsai tsan tsang
tsao tse tsei tsen tseng tso tsou tsu tsuan tsui tsun tsung tzu wo yeh yung
bak baek bong bu byong byung chae chang cheol chi chin cho choe choi chol chon chong chu chul chun chung dae do
dok dong du duk eun gi gil gu guk gun gwang gyu ha hae hak ham han ho hoe hong hui hun hwa hwan hwang hui hye hyo
hyon hyong hyun hyung il im in jae je jeong ji jin jo jong joo ju jun jung kap ki kil kim ku kuk kum kwan kwang kye
kyong kyu mun myong myung nam no o ok pae paek pak pil pok pom pong pyo pyol ri rim ryo ryong ryu sam sang se seok
seon seong sik sin so sok son song su suk sun sung tae tok ton tong tu tuk u uk ul un won yang ye yeon yeong yo
yol yon yong yop yu yuk yun
an anh ba bach bang binh bui cam can cao chanh chau chi chien chinh chu chung cong cu cuong dai dam dan dang danh
dao dat dau diem diep dinh do doan don dong du duan duc dung duong giang giap hai ham han hanh hao hau hien hieu
hiep ho hoa hoai hoan hoang hoc hong hue hung huong huu huy huynh kha khai khanh khiem khoa kiet kim lac lai lam
lan lang le lien linh loc loi long luan luc luong luu ly mai manh minh muoi my nam ngan nghi nghia ngo ngoc nguyen
nhan nhat nhu ninh nong phac pham phan phat phong phu phuc phung phuong quan quang quoc quy quyen sang sau sinh
son tam tan tang tao thach thai thanh thao that the thi thieu thinh tho thong thu thuan thuc thuy tien tin tinh
to toan ton tong tra tran tri trieu trinh trong truc trung truong tu tuan tue tung tuong tuyen uy van vien vinh
vo vu vuong xuan y yen
bac bich bien cuc dieu duy giao hy khac khiet khuc kiem kien kieu lich lieu loan mau mien nga nghiem nguyet nhac
nhi nhuan oanh phi quynh sac sy suu ta tai tham than thang thiet thiep thoai thuong tich tiep tram trang tru tuy
uyen vang vi viet xa xuyen
`)

// family names East Asian names begin with (Chinese in pinyin and Wade-
// Giles, Korean, Vietnamese).
var asianSurnames = set(`
bai bo cai cao chen cheng chou chu deng ding dong du fang feng fu gao geng gu guo han hao he hong hou hu hua huang
ji jia jiang jin kang kong li liang liao lin liu lu luo ma mao meng nie pan peng qi qian qiao qin ren rao shen
sheng shi song su sun tan tang tao teng tian wang wei wen wu xi xia xiao xie xiong xu xue yan yang yao ye yin you
yu yuan zeng zhang zhao zheng zhou zhu zhuo zou
chang chao chiang chien chin chou chu chuang fu hsia hsiao hsieh hsu hsueh huang jao jen kang kao ko kuo lo
peng po sung tai teng ting tsai tsao tseng tso tsou tu tung wang yeh yung
kim pak park yi ri lee choe choi chong jung kang cho yun im lim han o oh so ho hwang an ahn song ryu yu hong jon
chon jeon nam mun moon pae bae paek baek ko sin shin kwon ku
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh trinh mai ha luong lam
`)

// titles, ranks and forms of address written before a name; they make the
// capitalised words that follow a person's name and are kept as the role.
var titleWords = set(`
cde comrade comrades com mr mrs ms miss dr prof professor herr frau genosse genossin genossen towarzysz
towarzysze tow soudruh soudruzi elvtars tovarishch sir dame lady monsieur mme madame signor
general marshal admiral colonel lieutenant major captain commander brigadier
ambassador envoy minister premier president chairman secretary deputy vice chief counsellor counselor
consul attache charge first second third foreign prime defence defense interior party state council head
leader king queen prince emperor senator governor mayor chancellor pope excellency highness commissioner high
gen col lt adm amb sen rep gov capt maj cdr sgt
bundeskanzler kanzler prasident ministerprasident botschafter generalsekretar staatssekretar vorsitzender
genossin ministr predseda tajemnik velvyslanec soudruzka premier sekretarz ambasador prezydent prezes
miniszter elnok nagykovet titkar presidente comandante embajador ministro secretario senor
тов товарищ товарищу товарища товарищи товарищам товарищем тт генерал генералу генерала маршал маршалу
маршала посол послу посла министр министру министра председатель председателю председателя секретарь
секретарю секретаря адмирал адмиралу адмирала полковник полковнику майор лейтенант капитан подполковник
ing dipl mag doz
oberst oberstleutnant hauptmann generalmajor generalleutnant generaloberst konteradmiral vizeadmiral
bundesminister vizekanzler staatsminister
tovarasul tovarasului tovarase domnul domnului generalul ambasadorul ministrul presedintele
compagno compagna onorevole signore generale ambasciatore segretario
companero companera canciller
sudruh sudruha sudruhovi soudruha soudruhu tajomnik velvyslanca velvyslance prezident prezidenta
shoku shokut shoqja shoqes ministri kryeministri ambasadori presidenti gjenerali
toveri presidentti paaministeri ulkoministeri suurlahettilas kenraali paasihteeri ministeri
ministra ambasadora premiera towarzysza generala prezydenta
другаря другарю посланик посланика министър генерала
`)

// modifiers are title words that qualify a title and are none alone
// ("First", "Foreign", "Deputy").
var modifiers = set(`first second third foreign prime deputy vice state party council head chief defence defense
interior senior acting assistant under executive high`)

// given names of the languages the records are written in or about, in
// the Latin forms English-language records use, and the Russian ones in
// Cyrillic.
var givenNames = set(`
aleksandr alexander eduard egor yegor aleksei alexei alexey anatoly anatolii anatoli andrei andrey andrii anastas boris dmitri
dmitry dmitrii evgeny evgenii yevgeny fyodor fedor georgy georgi georgii gennady gennadii grigory grigorii igor
ilya ivan konstantin kliment lavrenty leonid maxim maksim mikhail nikita nikolai nikolay oleg pavel petr pyotr
pantelei sergei sergey semyon stepan terenty timofei valentin valeri valery valerii vadim vasily vasili vasilii
viktor victor vitaly vladimir vladislav vyacheslav yakov yuri yury iurii zinovy arkady averky mikhail matvei
aleksandra valentina yekaterina ekaterina nina raisa tatiana
erich walter egon willi willy hermann otto wilhelm friedrich karl kurt hans heinz helmut helmuth horst werner
gerhard gunter guenter gunther klaus manfred wolfgang harry heinrich rudolf ernst franz josef joseph paul albert
max alfred fritz konrad ludwig dietrich joachim jurgen juergen lothar markus
janos imre matyas laszlo gyorgy ferenc istvan karoly antal jozsef sandor geza zoltan mihaly bela gyula lajos
rezso endre andras
wladyslaw wojciech stanislaw edward jozef boleslaw jakub mieczyslaw piotr kazimierz zenon tadeusz jerzy marian
henryk bronislaw roman andrzej mieczyslaw zbigniew lech adam jan witold aleksander
alexander antonin gustav gustáv ludvik vasil vaclav jan klement milos lubomir oldrich josef zdenek vladimir
todor georgi vulko anton traicho nicolae gheorghe ion emil ceausescu enver mehmet ramiz josip edvard milovan
fidel raul ernesto che osvaldo blas carlos
gamal anwar hafez hosni yasser saddam ahmed ahmad mohammed muhammad mohammad ali abdel abdul hussein nuri hafizullah babrak
john robert dean henry richard lyndon dwight harry george james william thomas charles edward david michael
averell cyrus zbigniew ronald jimmy gerald walt mcgeorge llewellyn chester adlai foster allen douglas mark
joseph francis arthur frank peter paul hope lawrence ralph philip stephen kenneth warren
jawaharlal indira sukarno norodom souphanouvong kaysone
joaquim armando samora agostinho marcelino jose antonio manuel luis luiz salvador augusto juan pedro miguel
fernando francisco jorge ricardo alberto eduardo enrique hugo mario rafael daniel
jacques pierre jean michel maurice georges francois andre louis rene valery edouard guy
giulio aldo enrico palmiro amintore pietro giovanni giancarlo sergio luigi giorgio alessandro bettino arnaldo
francesco carlo massimo achille lelio emilio alexandr osvaldo isidoro camilo vilma celia joao
tomas humberto julian jaime hector gustavo alfonso ramon pablo cesar clodomiro orlando hortensia
urho ahti kalevi paavo mauno martti kaarlo juho pertti ilkka hysni nexhmije adil beqir spiro bohuslav ludovit lubomir
ian harold margaret geoffrey neil denis alec anthony clement winston hugh selwyn
kwame julius jomo patrice sekou nelson oliver eduardo hastings milton
shapour mehdi ruhollah mohsen
tariq farouk faruq salah khaled khalid walid hamid omar hassan mustafa ibrahim yusuf faisal fahd abdullah mahmoud kamal
uffe poul anker jens niels olof olaf tage gunnar sven lars erik ingvar pieter joop dries ruud hendrik willem
konstantinos georgios giorgos evangelos dimitrios ioannis panagiotis andreas
slobodan dragoljub petar dusan milan borislav radovan mirko veljko aleksandar kiro lazar
volodymyr petro mykola oleksandr leonid
shigeru nobusuke hayato eisaku kakuei takeo masayoshi yasuhiro noboru kiichi ichiro
alvaro marcelo americo otelo vasco anibal agustin ulises santiago felipe adolfo leopoldo ignacio
paolo luciano ugo yrjo eero reino johannes yves gaston henri pavol ladislav frantisek karel jiri alois
swaran jagjivan morarji yashwantrao rajiv
лев леонид юрий алексей андрей николай михаил александр константин дмитрий анатолий борис владимир вячеслав
георгий сергей иван павел петр василий виктор валентин вадим григорий евгений климент лаврентий анастас
никита федор фёдор яков степан терентий семен семён матвей максим игорь олег
`)

// capitalised words that are never a person's name, though they stand
// where names stand: record layout, calendar, languages, common nouns of
// titles.
var notPersonWords = set(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
english russian german chinese korean vietnamese polish hungarian czech slovak french spanish bulgarian romanian
mongolian japanese arabic albanian serbian croatian italian
translation translator translators transcription original version text notes note document documents record
citation summary source contents language languages archive archives fond opis delo file folder page pages
box folio rights copyright uploaded id subjects associated people places organizations
the a an this that these those there then when where which who what why how he she it we they i you his her our
their its my your one two three four five six seven eight nine ten
ministry committee party embassy bureau council commission department government army navy air force forces
union republic people peoples state states nations front office agency command assembly congress academy
institute university press news radio council secretariat presidium politburo soviet soviets
north south east west northern southern eastern western central new great saint st
and or but if of to in on at for from by with without after before during since until under over
however moreover also yesterday today tomorrow please dear respected esteemed greetings regards sincerely
yours thank thanks attached enclosure reference subject re cc bcc
war peace treaty agreement conference talks meeting session plenum declaration statement report memorandum
telegram cable letter minutes conversation resolution directive speech diary transcript working
secret top strictly confidential urgent copy draft personal only
question questions problem point item paragraph part section chapter annex appendix
god lord mother father
member members group groups list lists name names number numbers date dates time year years day days month
months week weeks place places article articles annex item items case cases order orders task tasks plan plans
affairs security relations trade economy economic planning culture education health industry agriculture
finance justice communications information propaganda ideology staff operations intelligence personnel
foreign internal international national political military general special central supreme main chief
federal socialist communist democratic popular peoples workers labour labor liberation revolutionary
yes no not all any each every some other others many more most such same both either neither
but although because while whereas thus therefore hence upon against between among about above below per
through thru via would could should will shall can may might must seen welcome daily weekly
add search filter digital declassified history archives collection papers files policy assessment director
sino anglo franco soviet american is are was were be been being has have had do does did said says say
radziecki radzieckiego radzieckiej sowiecki polski polskiej polskiego sovetsky sovetska sovetske ceskoslovensky
ceskoslovenske narodni led headed chaired accompanied signed received recorded drafted
jegyzokonyv zapis zaznam protokoll protokol niederschrift vermerk aktennotiz notatka bericht telegramm
fernschreiben schreiben stenogramm information informacja carta querido estimado companero sehr geehrter
liebe lieber werter drogi szanowny vazeny kedves
i ii iii iv v vi vii viii ix x xi xii
tajne tajny scisle poufne pilne pilny telegrama telegramă szyfrogram telecon memcon geheim vertraulich dringend
eilt streng titkos szigoruan bizalmas surgos tajne tajné prisne nalehave spesna secret strict urgent
spraw zagranicznych wewnetrznych zahranicnich veci vnitra afacerilor externe interne kulugyi
excellency highness
met told called asked stated noted replied added expressed informed agreed remarked emphasized emphasised stressed
suggested proposed declared explained answered wants wanted believes believed thinks thought
januar februar marz maerz juni juli oktober dezember janvier fevrier mars avril juin juillet aout septembre octobre
novembre decembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
ianuarie februarie martie aprilie mai iunie iulie septembrie octombrie noiembrie decembrie
delegation delegations delegationen thoughts reflections comments observations remarks points
mitglied mitglieder kandidat kandidaten personliche verschlusssache verschlußsache unterzeichnung
stenograma stenogramă commissioner commissioners
fm amembassy amconsul usmission usun secstate secdef whitehouse niact immediate priority routine info
ministries committees embassies councils commissions departments governments armies parties offices agencies
headquarters airport airfield visit visits affaires
nagykovetseg kovetseg nagykovetsege
njegov njegova njegovo njegovi njen njena njeno njihov njihova njihovo
consiglio esteri ministero governo partito comitato centrale ufficio jefe estado exteriores relaciones ministerio
gobierno partido comite secretaria presidencia
ministre ministro ministr premier premiere primo primer guesthouse residence interests executive secreto secreta segreto salainen
consejo conseil conselho raad radet movement mouvement movimiento movimento bewegung hnutie hnuti liike
zapisal zapisala zapsal zapsala sporzadzil sporzadzila
`)

// notPersonWordsRu is the Russian counterpart of notPersonWords.
var notPersonWordsRu = set(`
записал записала записали составил составила подготовил подготовила
совета министров совет комитета центрального президиума политбюро правительства правительство республики
союза народной народного верховного министерства посольства партии генерального штаба
перевод оригинал текст запись беседа беседы протокол заседание заседания секретно совершенно экз копия
министерство комитет партия посольство бюро совет правительство армия республика союз
лично срочно секретно весьма строго
январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
`)

// listCues open a list of persons: attendance lists and delegations.
var listCues = set(`present attending attended participants participating members присутствовали
присутствуют участвовали участники anwesend teilnehmer obecni jelen vannak přítomni pritomni
presenti presentes asistentes prisutni lasna pranishem присъстват`)

// placePreps are prepositions after which a capitalised word is a place
// rather than a person.
var placePreps = set(`in at near from into via в во из под около под у`)

// Suffixes of Russian and other Slavic family names in Latin letters, and
// in Cyrillic (nominative).
var slavicSuffixes = []string{"ov", "ev", "ova", "eva", "sky", "skiy", "skii", "ski", "enko", "chuk", "idze",
	"shvili", "yan", "wicz", "cki", "dzki"}

var slavicSuffixesCyr = []string{"ов", "ев", "ёв", "ский", "енко", "дзе", "швили", "ян", "ин", "ын"}

// segmentSyllables reports whether a lower-case word is one to three
// romanised syllables ("xiaoping", "songchol").
func segmentSyllables(w string, depth int) bool {
	if w == "" {
		return true
	}
	if depth == 3 {
		return false
	}
	for n := min(len(w), 6); n >= 1; n-- {
		if syllables[w[:n]] && segmentSyllables(w[n:], depth+1) {
			return true
		}
	}
	return false
}

// wordGivenNames are given names that are also ordinary words of English
// ("Per Haekkerup", "Will Lansing"), names only where markNameWords finds
// them written as names.
var wordGivenNames = set("per will may hope rose grace guy bill art june pat sunny earl")

// stopWord reports whether a token is one of notPersonWords, unless the
// record writes it as a given name.
func stopWord(t token) bool {
	if romanWords[t.Norm] && !t.AllCaps && len(t.Norm) > 1 {
		return false // "Xi Zhongxun": a Roman numeral is written in capitals
	}
	return notPersonWords[t.Norm] && !t.NameWord
}

var romanWords = set("ii iii iv vi vii viii ix xi xii")

// givenWord reports whether a token is a given name.
func givenWord(t token) bool { return givenNames[t.Norm] || t.NameWord }

// markNameWords marks the ordinary words a text writes as given names: a
// capital inside a sentence, a title before it and a capitalised name word
// after it.
func markNameWords(text string, toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.Norm == "jan" && t.Upper && !t.AllCaps && i+1 < len(toks) && text[t.ByteEnd:toks[i+1].Byte] == " " &&
			toks[i+1].Upper && !toks[i+1].AllCaps && !notPersonWords[toks[i+1].Norm] && !functionWords[toks[i+1].Norm] && !toks[i+1].Cyr {
			t.NameWord = true // "Jan Novák": the given name, not January
			continue
		}
		if !t.Upper || t.AllCaps || !wordGivenNames[t.Norm] || i == 0 || i+1 >= len(toks) || !titleWords[toks[i-1].Norm] ||
			sentenceStart(text, toks, i) && !abbrevTriggers[toks[i-1].Norm] {
			continue // a title before it: "Foreign Minister Per Haekkerup", "Mr. Will Lansing"
		}
		n := toks[i+1]
		if n.Upper && !n.AllCaps && text[t.ByteEnd:n.Byte] == " " && !notPersonWords[n.Norm] && !titleWords[n.Norm] &&
			!functionWords[n.Norm] && !n.Cyr && !n.Han {
			t.NameWord = true
		}
	}
}

/**
 * Other names postings use for places, where the data packages do not carry
 * them (see gazetteer.ts). Each line is a fact about a name, not a place
 * table: the places themselves come from the gazetteer.
 */

/** Country names and short forms beyond those of i18n-iso-countries. */
export const COUNTRY_ALIASES: Record<string, string> = {
	uk: 'GB',
	england: 'GB',
	scotland: 'GB',
	wales: 'GB',
	'northern ireland': 'GB',
	britain: 'GB',
	'great britain': 'GB',
	'u k': 'GB',
	holland: 'NL',
	america: 'US',
	'united states of america': 'US',
	usa: 'US',
	// Canada's short form in Canadian addresses, and its ISO alpha-3 code as written in lower case ("Saguenay, Can" was Çan
	// in Turkey).
	can: 'CA',
	uae: 'AE',
	emirates: 'AE',
	ksa: 'SA',
	'south korea': 'KR',
	korea: 'KR',
	russia: 'RU',
	'czech republic': 'CZ',
	turkey: 'TR',
	'ivory coast': 'CI',
	'hong kong sar': 'HK',
	'mainland china': 'CN',
	prc: 'CN',
	// ISO's and the UN's formal names, as some ATSs' country lists give them.
	'republic of ireland': 'IE',
	'ireland republic of': 'IE',
	eire: 'IE',
	'slovak republic': 'SK',
	'kyrgyz republic': 'KG',
	'republic of north macedonia': 'MK',
	'lao pdr': 'LA',
	// Thailand as Thai postings write it ("ประเทศไทย", "the country of Thailand"; the lists give "ไทย").
	ประเทศไทย: 'TH',
	// Short names in Arabic beside the formal ones the country lists give.
	السعودية: 'SA',
	الإمارات: 'AE',
	drc: 'CD',
	'dr congo': 'CD',
	// The two Congos and Koreas as country pickers tell them apart: "Congo (DRC)", "Congo (Republic)", "Korea (South)".
	'congo drc': 'CD',
	'congo dr': 'CD',
	'congo republic': 'CG',
	'korea south': 'KR',
	'korea north': 'KP',
	// The Philippines misspelt as boards do ("Remote, Philipines / Thailand", "Remote, Phillipines" on two of them).
	phillipines: 'PH',
	philipines: 'PH',
	phillippines: 'PH',
};

/** Subdivision names postings write that ISO spells otherwise ("Bavaria" for "Bayern"), to the ISO 3166-2 code. */
export const REGION_ALIASES: Record<string, string> = {
	bavaria: 'DE-BY',
	hesse: 'DE-HE',
	'north rhine westphalia': 'DE-NW',
	'lower saxony': 'DE-NI',
	'baden wurttemberg': 'DE-BW',
	'new south wales': 'AU-NSW',
	'washington dc': 'US-DC',
	'washington d c': 'US-DC',
	'd c': 'US-DC',
	tamilnadu: 'IN-TN',
	// Misspelt so on seven roles of one board ("Middletown, Pennslyvania" was Middletown in Ohio).
	pennslyvania: 'US-PA',
	'ile de france': 'FR-IDF',
	catalonia: 'ES-CT',
	// Long Island, New York: the Bahamas' Long Island is read where the Bahamas are named ("Manhasset, Long Island" was
	// in the Bahamas).
	'long island': 'US-NY',
	// The city's own district as well as the province around it: "Buenos Aires, Buenos Aires, AR" (LinkedIn's city,
	// region, country) was the province, the city left out.
	'buenos aires': 'AR-C',
	'community of madrid': 'ES-MD',
	lombardy: 'IT-25',
	'delhi ncr': 'IN-DL',
	ncr: 'IN-DL',
	// The Philippines' National Capital Region, by the name everyone uses.
	'metro manila': 'PH-00',
	// Malaysia's Pulau Pinang by its English name ("Penang" was no place).
	penang: 'MY-07',
	// Nuevo León as Mexican postings abbreviate it ("Monterrey, N.L."); ISO's code is NLE. Alone, "NL" stays the Netherlands.
	nl: 'MX-NLE',
	// The Netherlands' two Hollands by their English names.
	'north holland': 'NL-NH',
	'south holland': 'NL-ZH',
	// Poland's voivodeships by their English names, as LinkedIn writes them and boards copy them ("Warsaw, Masovian
	// Voivodeship, Poland"; the word "Voivodeship" is read as a kind of region after its name).
	'lower silesian': 'PL-02',
	'kuyavian pomeranian': 'PL-04',
	lublin: 'PL-06',
	lubusz: 'PL-08',
	lodz: 'PL-10',
	'lesser poland': 'PL-12',
	masovian: 'PL-14',
	opole: 'PL-16',
	subcarpathian: 'PL-18',
	podlaskie: 'PL-20',
	pomeranian: 'PL-22',
	silesian: 'PL-24',
	'holy cross': 'PL-26',
	'warmian masurian': 'PL-28',
	'greater poland': 'PL-30',
	'west pomeranian': 'PL-32',
	// Denmark's regions by their English names ("København, Capital Region of Denmark, Denmark").
	'north denmark region': 'DK-81',
	'central denmark region': 'DK-82',
	'region of southern denmark': 'DK-83',
	'capital region of denmark': 'DK-84',
	'region zealand': 'DK-85',
	// Regions of Spain, Italy, Germany and Belgium by their English names, and South Korea's provinces as they are
	// shortened ("Suwon, Gyeonggi"): ISO and country-region-data give only the local names ("Toscana", "Sachsen").
	andalusia: 'ES-AN',
	'basque country': 'ES-PV',
	'canary islands': 'ES-CN',
	'balearic islands': 'ES-IB',
	'castile and leon': 'ES-CL',
	'castille leon': 'ES-CL',
	'castile la mancha': 'ES-CM',
	'castille la mancha': 'ES-CM',
	'valencian community': 'ES-VC',
	// Norway's counties by the names postings use that ISO's list (of 2020) lacks: those of before 2020, and those of 2024,
	// when Viken, Vestfold og Telemark and Troms og Finnmark were divided again. Each is read as the county of 2020 it
	// lies in ("Jørpeland, Strand, Rogaland" and "Sem, Tønsberg, Vestfold" on NAV's board).
	akershus: 'NO-30',
	buskerud: 'NO-30',
	østfold: 'NO-30',
	hedmark: 'NO-34',
	oppland: 'NO-34',
	vestfold: 'NO-38',
	telemark: 'NO-38',
	'aust-agder': 'NO-42',
	'vest-agder': 'NO-42',
	hordaland: 'NO-46',
	'sogn og fjordane': 'NO-46',
	'sør-trøndelag': 'NO-50',
	'nord-trøndelag': 'NO-50',
	troms: 'NO-54',
	finnmark: 'NO-54',
	// Spain's provinces by their Castilian names where ISO gives the Basque, Galician or Catalan one, as Spanish boards
	// write them (Tecnoempleo's "Guipúzcoa, Guipúzcoa - Gipuzkoa España", "Baleares (Híbrido)").
	guipuzcoa: 'ES-SS',
	vizcaya: 'ES-BI',
	'la coruna': 'ES-C',
	orense: 'ES-OR',
	lerida: 'ES-L',
	gerona: 'ES-GI',
	baleares: 'ES-IB',
	'islas baleares': 'ES-IB',
	tuscany: 'IT-52',
	piedmont: 'IT-21',
	sicily: 'IT-82',
	sardinia: 'IT-88',
	apulia: 'IT-75',
	'aosta valley': 'IT-23',
	'trentino south tyrol': 'IT-32',
	saxony: 'DE-SN',
	thuringia: 'DE-TH',
	'rhineland palatinate': 'DE-RP',
	'saxony anhalt': 'DE-ST',
	'mecklenburg western pomerania': 'DE-MV',
	'brussels capital region': 'BE-BRU',
	'region metropolitana': 'CL-RM',
	gyeonggi: 'KR-41',
	gangwon: 'KR-42',
	chungbuk: 'KR-43',
	chungnam: 'KR-44',
	jeonbuk: 'KR-45',
	jeonnam: 'KR-46',
	gyeongbuk: 'KR-47',
	gyeongnam: 'KR-48',
	// Japan's prefectures as Japanese postings write them, with the kind of prefecture after the name (県, 府, 道);
	// 東京都 is the city's alias, as postings mean Tokyo by it.
	北海道: 'JP-01', 青森県: 'JP-02', 岩手県: 'JP-03', 宮城県: 'JP-04', 秋田県: 'JP-05', 山形県: 'JP-06',
	福島県: 'JP-07', 茨城県: 'JP-08', 栃木県: 'JP-09', 群馬県: 'JP-10', 埼玉県: 'JP-11', 千葉県: 'JP-12',
	神奈川県: 'JP-14', 新潟県: 'JP-15', 富山県: 'JP-16', 石川県: 'JP-17', 福井県: 'JP-18', 山梨県: 'JP-19',
	長野県: 'JP-20', 岐阜県: 'JP-21', 静岡県: 'JP-22', 愛知県: 'JP-23', 三重県: 'JP-24', 滋賀県: 'JP-25',
	京都府: 'JP-26', 大阪府: 'JP-27', 兵庫県: 'JP-28', 奈良県: 'JP-29', 和歌山県: 'JP-30', 鳥取県: 'JP-31',
	島根県: 'JP-32', 岡山県: 'JP-33', 広島県: 'JP-34', 山口県: 'JP-35', 徳島県: 'JP-36', 香川県: 'JP-37',
	愛媛県: 'JP-38', 高知県: 'JP-39', 福岡県: 'JP-40', 佐賀県: 'JP-41', 長崎県: 'JP-42', 熊本県: 'JP-43',
	大分県: 'JP-44', 宮崎県: 'JP-45', 鹿児島県: 'JP-46', 沖縄県: 'JP-47',
};

/**
 * The region each subdivision lies in, where `iso-3166` gives none: Belgium's provinces, in Flanders and Wallonia.
 * Cities are filed under the region ("Mons" in Wallonia), so "Mons, Hainaut" names the city and its province, not
 * two places.
 */
export const REGION_PARENTS: Record<string, string> = {
	'BE-VAN': 'VLG',
	'BE-VBR': 'VLG',
	'BE-VLI': 'VLG',
	'BE-VOV': 'VLG',
	'BE-VWV': 'VLG',
	'BE-WBR': 'WAL',
	'BE-WHT': 'WAL',
	'BE-WLG': 'WAL',
	'BE-WLX': 'WAL',
	'BE-WNA': 'WAL',
};

/**
 * Other names of cities, to "Canonical name|country" as the gazetteer names
 * them: abbreviations recruiters use, former names, and local spellings.
 */
export const CITY_ALIASES: Record<string, string> = {
	nyc: 'New York|US',
	// The list names Seville in Spanish only: "Seville, Spain" was a town it lacked, kept as written.
	seville: 'Sevilla|ES',
	// Buenos Aires the city (its own district, not the province of its name), as Argentine postings write it.
	caba: 'Buenos Aires|AR',
	'capital federal': 'Buenos Aires|AR',
	'ciudad autonoma de buenos aires': 'Buenos Aires|AR',
	'new york city': 'New York|US',
	'new york ny': 'New York|US',
	manhattan: 'New York|US',
	sf: 'San Francisco|US',
	// Spellings and a short form seen in real ATS rows ("San Fransisco, New York, Seattle").
	'san fransisco': 'San Francisco|US',
	'san fran': 'San Francisco|US',
	'santiago de chile': 'Santiago|CL',
	// Spanish cities by their Castilian names where the list gives the Catalan or Galician one, and Palma by the name
	// everyone uses ("Lérida" was a town of Colombia, "Gerona" one of the Philippines).
	lerida: 'Lleida|ES',
	gerona: 'Girona|ES',
	'la coruna': 'A Coruña|ES',
	orense: 'Ourense|ES',
	'palma de mallorca': 'Palma|ES',
	// Indian cities by their other names, old and new, as boards write both: one place for each.
	cochin: 'Kochi|IN',
	trivandrum: 'Thiruvananthapuram|IN',
	// Vadodara by its old name, as Bank of Baroda still writes it (the list's Baroda is a town of 20,000 in Madhya
	// Pradesh), Visakhapatnam by its short one, and Ernakulam, Kochi's mainland, for the city.
	baroda: 'Vadodara|IN',
	vizag: 'Visakhapatnam|IN',
	ernakulam: 'Kochi|IN',
	// Korean cities by their Revised Romanization (the list's are McCune-Reischauer: "Sŏngnam", "Kyŏngju"), and
	// GeoNames' "Seongnam-si", a second place at Seongnam's spot.
	'seongnam si': 'Seongnam|KR',
	// Business districts written for their city, as "Manhattan" is: Indian postings name their tech parks ("Hinjewadi",
	// "Gachibowli", "Electronic City"), Korean ones Pangyo, London's Canary Wharf. Beside their city they were read
	// already ("Gachibowli, Hyderabad"); alone each was no place.
	hinjewadi: 'Pune|IN',
	hinjawadi: 'Pune|IN',
	kharadi: 'Pune|IN',
	magarpatta: 'Pune|IN',
	'magarpatta city': 'Pune|IN',
	gachibowli: 'Hyderabad|IN',
	madhapur: 'Hyderabad|IN',
	'hitec city': 'Hyderabad|IN',
	'hitech city': 'Hyderabad|IN',
	'electronic city': 'Bengaluru|IN',
	koramangala: 'Bengaluru|IN',
	marathahalli: 'Bengaluru|IN',
	bellandur: 'Bengaluru|IN',
	powai: 'Mumbai|IN',
	andheri: 'Mumbai|IN',
	bandra: 'Mumbai|IN',
	'bandra kurla complex': 'Mumbai|IN',
	'lower parel': 'Mumbai|IN',
	'cyber city': 'Gurugram|IN',
	'dlf cyber city': 'Gurugram|IN',
	sholinganallur: 'Chennai|IN',
	guindy: 'Chennai|IN',
	pangyo: 'Seongnam|KR',
	bundang: 'Seongnam|KR',
	gangnam: 'Seoul|KR',
	'gangnam gu': 'Seoul|KR',
	'canary wharf': 'London|GB',
	// Israeli hubs as their companies spell them in English (the list's are the academic spellings: "Petah Tiqwa",
	// "Kefar Sava"; each was no place).
	'petach tikva': 'Petah Tikva|IL',
	'petah tikvah': 'Petah Tikva|IL',
	'petach tikvah': 'Petah Tikva|IL',
	'rishon le zion': 'Rishon LeZion|IL',
	raanana: "Ra'anana|IL",
	'ra anana': "Ra'anana|IL",
	"be'er sheva": 'Beersheba|IL',
	'beer sheva': 'Beersheba|IL',
	beersheva: 'Beersheba|IL',
	yokneam: 'Yokneam Illit|IL',
	yoqneam: 'Yokneam Illit|IL',
	modiin: "Modi'in|IL",
	'modi in': "Modi'in|IL",
	// Gulf cities as their own English signs write them, where the list's transliteration differs: Medina as the Saudi
	// government writes it, Al Jubail, Al Qatif.
	madinah: 'Medina|SA',
	'al madinah': 'Medina|SA',
	medinah: 'Medina|SA',
	'al jubail': 'Jubail|SA',
	qatif: 'Al Qatif|SA',
	alain: 'Al Ain|AE',
	// Odesa by its Russian spelling (it was Odessa, Texas: a seventh of its size), and cities of Russia and Belarus by
	// the English spellings in use.
	odessa: 'Odesa|UA',
	'nizhny novgorod': 'Nizhniy Novgorod|RU',
	gomel: 'Homyel’|BY',
	grodno: 'Hrodna|BY',
	jogja: 'Yogyakarta|ID',
	pondicherry: 'Puducherry|IN',
	mangaluru: 'Mangalore|IN',
	mysuru: 'Mysore|IN',
	trichy: 'Tiruchirappalli|IN',
	calicut: 'Kozhikode|IN',
	cawnpore: 'Kanpur|IN',
	quilon: 'Kollam|IN',
	tuticorin: 'Thoothukudi|IN',
	// English names and neighbourhoods boards write for a city the gazetteer names otherwise (from a sweep of about a
	// thousand Greenhouse boards: "La Jolla" 20 postings, "Herzliya" 15, "Long Island City" 7).
	ghent: 'Gent|BE',
	// English names the list files under another: Hull's official name, Derry's other one. (Bhubaneswar and Herzliya are
	// the names the list shows: PREFERRED_CITY_NAMES.)
	hull: 'Kingston upon Hull|GB',
	londonderry: 'Derry|GB',
	// English names of European cities the list names in their own language only. "Hanover" was Hanover, Pennsylvania,
	// on nine German postings of arbeitnow's board (which writes "Munich", "Cologne" and "Hanover"); "Jerez" and "Mantua"
	// were towns of Guatemala and Cuba. Not "Brunswick" (as often towns of Georgia, Maine and Ohio as Braunschweig), nor
	// "Syracuse" or "Canton", larger in the United States than the names' older European or Chinese cities.
	hanover: 'Hannover|DE',
	hamelin: 'Hameln|DE',
	'aix la chapelle': 'Aachen|DE',
	basle: 'Basel|CH',
	berne: 'Bern|CH',
	louvain: 'Leuven|BE',
	malines: 'Mechelen|BE',
	'luxembourg city': 'Luxembourg|LU',
	marseilles: 'Marseille|FR',
	saragossa: 'Zaragoza|ES',
	jerez: 'Jerez de la Frontera|ES',
	oporto: 'Porto|PT',
	padua: 'Padova|IT',
	mantua: 'Mantova|IT',
	salonica: 'Thessaloníki|GR',
	'taipei city': 'Taipei|TW',
	'la jolla': 'San Diego|US',
	'long island city': 'New York|US',
	// The DC area by the initials of its three parts (District, Maryland, Virginia), as the Bay Area is San Francisco.
	dmv: 'Washington|US',
	// Airport codes boards name offices by (Struck's "SLC", Bringg's "TLV", in the thousand boards' rows).
	slc: 'Salt Lake City|US',
	tlv: 'Tel Aviv|IL',
	// The region is named for the city, and postings mean the city's offices by it.
	'bay area': 'San Francisco|US',
	'sf bay area': 'San Francisco|US',
	'san francisco bay area': 'San Francisco|US',
	// Other metropolitan areas by the names postings give them, read as their first city, as the Bay Area is. Not a
	// region of several cities named for none ("Silicon Valley"): no one city stands for it.
	dfw: 'Dallas|US',
	'dallas fort worth': 'Dallas|US',
	'dallas fort worth metroplex': 'Dallas|US',
	'twin cities': 'Minneapolis|US',
	'minneapolis st paul': 'Minneapolis|US',
	'minneapolis saint paul': 'Minneapolis|US',
	'raleigh durham': 'Raleigh|US',
	'research triangle': 'Raleigh|US',
	'tampa bay': 'Tampa|US',
	'rhein main': 'Frankfurt|DE',
	// ISO names the region GB-LND "London, City of": read as a region, "Greater London" showed as the City of London.
	'greater london': 'London|GB',
	// Greater Toronto Area: the city's region, as the Bay Area is San Francisco's.
	'greater toronto area': 'Toronto|CA',
	gta: 'Toronto|CA',
	// Metro Manila's business districts are cities the gazetteer names with "City" ("Makati City"), and postings name
	// them without it ("Makati, Metro Manila", "BGC, Taguig").
	makati: 'Makati City|PH',
	taguig: 'Taguig City|PH',
	bgc: 'Taguig City|PH',
	'bonifacio global city': 'Taguig City|PH',
	pasig: 'Pasig City|PH',
	ortigas: 'Pasig City|PH',
	mandaluyong: 'Mandaluyong City|PH',
	pasay: 'Pasay City|PH',
	paranaque: 'City of Parañaque|PH',
	muntinlupa: 'Muntinlupa City|PH',
	// Jakarta's five administrative cities, as Indonesian postings write them ("Jakarta Selatan (Hybrid)").
	'jakarta selatan': 'Jakarta|ID',
	'south jakarta': 'Jakarta|ID',
	'jakarta pusat': 'Jakarta|ID',
	'central jakarta': 'Jakarta|ID',
	'jakarta barat': 'Jakarta|ID',
	'west jakarta': 'Jakarta|ID',
	'jakarta timur': 'Jakarta|ID',
	'east jakarta': 'Jakarta|ID',
	'jakarta utara': 'Jakarta|ID',
	'north jakarta': 'Jakarta|ID',
	// Bogotá, Distrito Capital: the district is the city.
	'bogota d c': 'Bogotá|CO',
	'bogota dc': 'Bogotá|CO',
	la: 'Los Angeles|US',
	sea: 'Seattle|US',
	chi: 'Chicago|US',
	atl: 'Atlanta|US',
	// Romania's second city by its short name: Glovo's "Cluj, Romania" was Cluj county ("Cluj County" stays the county).
	cluj: 'Cluj-Napoca|RO',
	dc: 'Washington|US',
	'washington dc': 'Washington|US',
	'washington d c': 'Washington|US',
	atx: 'Austin|US',
	bombay: 'Mumbai|IN',
	bangalore: 'Bengaluru|IN',
	gurgaon: 'Gurugram|IN',
	'delhi ncr': 'Delhi|IN',
	'new delhi': 'Delhi|IN',
	madras: 'Chennai|IN',
	calcutta: 'Kolkata|IN',
	'tel aviv': 'Tel Aviv|IL',
	// Local names the gazetteer's table lacks (it has the English one), each also the name of its province or district.
	venezia: 'Venice|IT',
	luzern: 'Lucerne|CH',
	bucuresti: 'Bucharest|RO',
	beograd: 'Belgrade|RS',
	// Cape Town as one word, and Kraków by its English name ("Poland - Cracow" on sixteen of one board's roles).
	capetown: 'Cape Town|ZA',
	cracow: 'Kraków|PL',
	// Kosovo's capital as Albanian writes it (Prishtinë), and as Inspire11's board does.
	prishtina: 'Pristina|XK',
	prishtine: 'Pristina|XK',
	antwerpen: 'Antwerp|BE',
	brugge: 'Bruges|BE',
	athina: 'Athens|GR',
	helsingfors: 'Helsinki|FI',
	abo: 'Turku|FI',
	freiburg: 'Freiburg im Breisgau|DE',
	'den bosch': '’s-Hertogenbosch|NL',
	's hertogenbosch': '’s-Hertogenbosch|NL',
	muenchen: 'Munich|DE',
	munchen: 'Munich|DE',
	koln: 'Cologne|DE',
	nurnberg: 'Nuremberg|DE',
	'frankfurt am main': 'Frankfurt|DE',
	lisboa: 'Lisbon|PT',
	wien: 'Vienna|AT',
	praha: 'Prague|CZ',
	warszawa: 'Warsaw|PL',
	krakow: 'Kraków|PL',
	roma: 'Rome|IT',
	milano: 'Milan|IT',
	napoli: 'Naples|IT',
	torino: 'Turin|IT',
	firenze: 'Florence|IT',
	geneve: 'Geneva|CH',
	genf: 'Geneva|CH',
	zurich: 'Zürich|CH',
	bruxelles: 'Brussels|BE',
	brussel: 'Brussels|BE',
	kobenhavn: 'Copenhagen|DK',
	// "ø" is a letter of its own, which no accent-stripping turns into "o".
	københavn: 'Copenhagen|DK',
	arhus: 'Aarhus|DK',
	'ha noi': 'Hanoi|VN',
	goteborg: 'Gothenburg|SE',
	'den haag': 'The Hague|NL',
	'the hague': 'The Hague|NL',
	'sao paulo': 'São Paulo|BR',
	'ciudad de mexico': 'Mexico City|MX',
	cdmx: 'Mexico City|MX',
	saigon: 'Ho Chi Minh City|VN',
	'ho chi minh': 'Ho Chi Minh City|VN',
	// Vietnamese postings write "Thành phố" (city) or "TP." before the name, and Ho Chi Minh City as HCM.
	'thanh pho ho chi minh': 'Ho Chi Minh City|VN',
	'tp ho chi minh': 'Ho Chi Minh City|VN',
	'tp hcm': 'Ho Chi Minh City|VN',
	tphcm: 'Ho Chi Minh City|VN',
	hcmc: 'Ho Chi Minh City|VN',
	'thanh pho ha noi': 'Hanoi|VN',
	'tp ha noi': 'Hanoi|VN',
	'tp đà nẵng': 'Da Nang|VN',
	peking: 'Beijing|CN',
	'kyiv': 'Kyiv|UA',
	kiev: 'Kyiv|UA',
	montreal: 'Montréal|CA',
	'quebec city': 'Québec|CA',
	// The hubs of postings written in Japanese, Korean and Chinese, as those postings write them.
	東京: 'Tokyo|JP',
	東京都: 'Tokyo|JP',
	大阪: 'Osaka|JP',
	大阪市: 'Osaka|JP',
	京都: 'Kyoto|JP',
	横浜: 'Yokohama|JP',
	名古屋: 'Nagoya|JP',
	福岡: 'Fukuoka|JP',
	札幌: 'Sapporo|JP',
	서울: 'Seoul|KR',
	서울특별시: 'Seoul|KR',
	부산: 'Busan|KR',
	성남: 'Seongnam|KR',
	인천: 'Incheon|KR',
	北京: 'Beijing|CN',
	北京市: 'Beijing|CN',
	上海: 'Shanghai|CN',
	上海市: 'Shanghai|CN',
	深圳: 'Shenzhen|CN',
	广州: 'Guangzhou|CN',
	杭州: 'Hangzhou|CN',
	成都: 'Chengdu|CN',
	香港: 'Hong Kong|HK',
	台北: 'Taipei|TW',
	臺北: 'Taipei|TW',
	台北市: 'Taipei|TW',
	新加坡: 'Singapore|SG',
	// Hubs whose English names are not their own names spelled in Latin letters (placeKey spells Greek, Cyrillic and
	// Arabic so: "Алматы" and "Тбилиси" need no line here). Hebrew has no such spelling: its hubs by name.
	москва: 'Moscow|RU',
	'санкт-петербург': 'Saint Petersburg|RU',
	'санкт петербург': 'Saint Petersburg|RU',
	екатеринбург: 'Yekaterinburg|RU',
	київ: 'Kyiv|UA',
	киев: 'Kyiv|UA',
	софия: 'Sofia|BG',
	ереван: 'Yerevan|AM',
	دبي: 'Dubai|AE',
	'أبو ظبي': 'Abu Dhabi|AE',
	الرياض: 'Riyadh|SA',
	جدة: 'Jeddah|SA',
	القاهرة: 'Cairo|EG',
	الدوحة: 'Doha|QA',
	'תל אביב': 'Tel Aviv-Yafo|IL',
	// Thai and Devanagari have no Latin spelling in placeKey either.
	กรุงเทพมหานคร: 'Bangkok|TH',
	กรุงเทพฯ: 'Bangkok|TH',
	กรุงเทพ: 'Bangkok|TH',
	मुंबई: 'Mumbai|IN',
	दिल्ली: 'Delhi|IN',
	'नई दिल्ली': 'New Delhi|IN',
	बेंगलुरु: 'Bengaluru|IN',
	बेंगलूरु: 'Bengaluru|IN',
	हैदराबाद: 'Hyderabad|IN',
	पुणे: 'Pune|IN',
	चेन्नई: 'Chennai|IN',
	'תל אביב יפו': 'Tel Aviv-Yafo|IL',
	ירושלים: 'Jerusalem|IL',
	חיפה: 'Haifa|IL',
	הרצליה: 'Herzliya|IL',
};

/**
 * The name a listing shows for a city where the gazetteer's differs from the
 * one in common use ("Gazetteer name|country" → name).
 */
export const PREFERRED_CITY_NAMES: Record<string, string> = {
	'Bangalore|IN': 'Bengaluru',
	'Gurgaon|IN': 'Gurugram',
	'Tel Aviv-Yafo|IL': 'Tel Aviv',
	'Montréal|CA': 'Montreal',
	'Zürich|CH': 'Zurich',
	// The list names Cardiff in Welsh only.
	'Caerdydd|GB': 'Cardiff',
	// And Yangon by the name it had until 1989.
	'Rangoon|MM': 'Yangon',
	// Ventura, California, is "San Buenaventura" in the list, its charter name: The Trade Desk's "Ventura" (18 rows of the
	// thousand boards) was no place.
	'San Buenaventura|US': 'Ventura',
	// Nova Iguaçu (Rio de Janeiro), which the list calls Iguaçu: "Nova Iguaçu, Rio de Janeiro, Brasil" was Rio itself.
	'Iguaçu|BR': 'Nova Iguaçu',
	// Misspelt in the list: France Travail's and Adzuna's "Courbevoie" (82,000 people, beside La Défense) was no place,
	// and Joinville (515,000) and Dammarie-lès-Lys were shown as the list writes them.
	'Courbevoic|FR': 'Courbevoie',
	'Joinvile|BR': 'Joinville',
	'Dammarie-lè-Lys|FR': 'Dammarie-lès-Lys',
	// it.pracuj.pl's "Świebodzin" (22,000 people), which the list misspells.
	'Świedbodzin|PL': 'Świebodzin',
	// Indian cities the list names as the Raj did: Naukri's "Kanpur", "Kozhikode", "Kollam" (the town table had them
	// under these names, a second place beside the list's).
	'Cawnpore|IN': 'Kanpur',
	'Calicut|IN': 'Kozhikode',
	'Quilon|IN': 'Kollam',
	'Trichūr|IN': 'Thrissur',
	'Tuticorin|IN': 'Thoothukudi',
	'Trichinopoly|IN': 'Tiruchirappalli',
	// And Indian cities the list spells otherwise than their cities do (its "Ghandinagar" is misspelt).
	'Hāora|IN': 'Howrah',
	'Vishākhapatnam|IN': 'Visakhapatnam',
	'Dehra Dūn|IN': 'Dehradun',
	'Ghāndīnagar|IN': 'Gandhinagar',
	'Bhubaneshwar|IN': 'Bhubaneswar',
	// Korean cities by the Revised Romanization, South Korea's since 2000, which companies and signs use.
	'Sŏngnam|KR': 'Seongnam',
	'Ch’ŏnan|KR': 'Cheonan',
	'Kimhae|KR': 'Gimhae',
	'Sihŭng|KR': 'Siheung',
	'Kumi|KR': 'Gumi',
	'Chinju|KR': 'Jinju',
	'Wŏnju|KR': 'Wonju',
	'Kunp’o|KR': 'Gunpo',
	'Kunsan|KR': 'Gunsan',
	'Kyŏngju|KR': 'Gyeongju',
	'Ich’ŏn|KR': 'Icheon',
	// Gulf and Egyptian cities by the names they use in English (the list's "Al ‘Ayn" was no place as "Al Ain", 766,000
	// people; "Ar Rayyān" as "Al Rayyan").
	'Al ‘Ayn|AE': 'Al Ain',
	'Al Jubayl|SA': 'Jubail',
	'Ar Rayyān|QA': 'Al Rayyan',
	'Al Khawr|QA': 'Al Khor',
	'Al Manşūrah|EG': 'Mansoura',
	// Israeli cities as they spell themselves in English, not in the academic transliteration of the list.
	'Petaẖ Tiqwa|IL': 'Petah Tikva',
	'Rishon LeẔiyyon|IL': 'Rishon LeZion',
	'Kefar Sava|IL': 'Kfar Saba',
	'Ra‘ananna|IL': "Ra'anana",
	'Bené Beraq|IL': 'Bnei Brak',
	'Herẕliyya|IL': 'Herzliya',
	'Yoqne‘am ‘Illit|IL': 'Yokneam Illit',
	'Modi‘in Makkabbim Re‘ut|IL': "Modi'in",
	'Rosh Ha‘Ayin|IL': 'Rosh HaAyin',
	'Qiryat Gat|IL': 'Kiryat Gat',
};

/**
 * Regions the city list gives wrongly, as "City|country" to the ISO 3166-2
 * code without its country: it files two towns of Chubut and one of the
 * province of Buenos Aires under the city of Buenos Aires.
 */
export const CITY_REGIONS: Record<string, string> = {
	'Esquel|AR': 'U',
	'El Maitén|AR': 'U',
	'Villa Celina|AR': 'B',
};

/**
 * Our own curated event lexicon: which words trigger which CAMEO code. It is checked before the
 * PETRARCH-derived verb facts (petrarch-verbs.ts) and is deliberately small and precise.
 *
 * Line format: `<trigger lemma> [companion …] = <code>`; the code `none` marks a sense that is no
 * event ("wound up" is "wind up", not wounding). Companions are words (lemmas or forms) that
 * must occur among the trigger's dependents (with a parse) or just after it in the same clause
 * (without one); more companions win over fewer. Nouns are listed in EVENT_NOUNS with the same format.
 */

export const VERB_PATTERNS: readonly string[] = [
  // 01 statements worth coding, 02 appeals
  // "declined to comment", "refused to say when": no comment (011), not a rejection.
  'decline comment = 011', 'decline answer = 011', 'decline respond = 011', 'decline say = 011', 'decline elaborate = 011', 'decline confirm = 011', 'decline discuss = 011', 'decline disclose = 011',
  'refuse comment = 011', 'refuse say = 011', 'refuse confirm = 011', 'refuse disclose = 011',
  'express optimism = 013', 'voice optimism = 013', 'express hope = 013', 'express concern = 012', 'voice concern = 012',
  'express condolence = 018', 'express sympathy = 018', 'express support = 051', 'voice support = 051',
  'appeal for = 020', 'appeal to = 020', 'ask = 020', 'request = 020', 'plead = 020', 'call on = 020',
  // 03 intent to cooperate
  'agree = 030', 'offer = 030', 'promise = 030', 'pledge = 030', 'propose = 030', 'accept = 030', 'commit to = 030', 'commit itself = 030', 'commit themselves = 030',
  'agree mediation = 038', 'accept mediation = 038', 'offer mediate = 039', 'offer negotiate = 036', 'agree meet = 036',
  'propose meeting = 036', 'propose talk = 036', 'propose summit = 036', 'propose negotiation = 036', 'offer talk = 036',
  // Money or aid promised is intent to provide aid (033, economic 0331).
  'promise aid = 033', 'pledge aid = 033', 'offer aid = 033', 'promise assistance = 033', 'pledge assistance = 033', 'offer assistance = 033',
  'promise money = 0331', 'pledge money = 0331', 'promise funding = 0331', 'pledge funding = 0331', 'promise fund = 0331', 'pledge fund = 0331',
  'promise million = 0331', 'pledge million = 0331', 'promise billion = 0331', 'pledge billion = 0331', 'offer loan = 0331', 'promise loan = 0331', 'pledge loan = 0331',
  'accept formula = 037', 'accept plan = 037', 'accept proposal = 037',
  // 04 consult
  'meet = 040', 'talk = 040', 'discuss = 040', 'consult = 040', 'confer = 040', 'attend = 040', 'convene = 040',
  'telephone = 041', 'phone = 041', 'call phone = 041', 'speak phone = 041', 'speak telephone = 041',
  // A search of someone's premises is a raid (171), not an investigation.
  'search office = 171', 'search home = 171', 'search house = 171', 'search premises = 171', 'search headquarters = 171', 'search apartment = 171', 'search building = 171',
  'wound = 180', 'wound up = none', 'escalate = none', 'rule out = 120', 'study = none', 'differ = none', 'handle = none', 'hit low = none', 'hit high = none', 'hit record = none', 'hit point = none', 'hit level = none', 'hit bottom = none', 'attend service = none', 'attend mass = none', 'attend concert = none', 'attend match = none', 'attend school = none', 'attend university = none', 'push back = none', 'push back on = 120', 'push back against = 120', 'wound down = none', 'tempt = none', 'spoil = none', 'control = none', 'prefer = none', 'gather = none', 'gather protester = 141', 'gather demonstrator = 141', 'gather crowd = 141', 'gather supporter = 141', 'chant slogan = 141', 'chant = 141',
  'throw stone = 145', 'throw rock = 145', 'throw bottle = 145', 'throw cocktail = 145', 'throw firecracker = 145', 'hurl stone = 145', 'hurl rock = 145', 'hurl bottle = 145', 'gather evidence = 090', 'gather intelligence = 090', 'return fire = 190',
  // Meeting a target or a deadline, releasing a name or figures, withdrawing testimony: no act between actors.
  'meet target = none', 'meet deadline = none', 'meet requirement = none', 'meet standard = none', 'meet criterion = none', 'meet expectation = none', 'meet need = none', 'meet goal = none', 'meet obligation = none', 'meet quota = none', 'meet cost = none',
  'release name = none', 'release figure = none', 'release detail = none', 'release data = none', 'release result = none', 'release footage = none', 'release video = none', 'release report = none', 'release statistic = none',
  'clear = none', 'clear charge = 081', 'respect right = none',
  // Ships and troops approaching a place move; they consult no one ("approached the shoal").
  'approach = none', 'withdraw testimony = none', 'withdraw candidacy = none', 'withdraw application = none', 'submit document = none', 'submit application = none',
  // Crowd control: tear gas, water cannon, dispersing a protest (violent repression, 175).
  'disperse = 175', 'fire gas = 175', 'use gas = 175', 'fire cannon water = 175', 'use cannon water = 175', 'fire bullet rubber = 175', 'use grenade stun = 175',
  'visit = 042', 'travel to = 042', 'arrive in = 042', 'fly to = 042', 'head to = 042', 'tour = 042',
  'host = 043', 'welcome = 043', 'receive = 043',
  'negotiate = 046', 'mediate = 045', 'broker = 045',
  'hold talk = 046', 'hold negotiation = 046', 'renew negotiation = 046', 'resume talk = 046', 'resume negotiation = 046',
  'hold meeting = 040', 'hold discussion = 040', 'hold summit = 040', 'hold call = 041', 'hold phone = 041', 'hold telephone = 041', 'hold talk telephone = 041', 'hold talk phone = 041', 'hold conversation telephone = 041', 'hold conversation phone = 041',
  'launch mediation = 045', 'undertake mediation = 045', 'launch effort mediation = 045',
  // 05 diplomatic cooperation
  'praise = 051', 'hail = 051', 'commend = 051', 'endorse = 051', 'applaud = 051', 'welcome move = 051', 'welcome decision = 051',
  // Welcoming a thing (not a visitor) is approval.
  'welcome agreement = 051', 'welcome deal = 051', 'welcome accord = 051', 'welcome step = 051', 'welcome announcement = 051', 'welcome news = 051',
  'welcome release = 051', 'welcome ceasefire = 051', 'welcome truce = 051', 'welcome progress = 051', 'welcome plan = 051', 'welcome proposal = 051',
  'welcome initiative = 051', 'welcome outcome = 051', 'welcome result = 051', 'welcome vote = 051', 'welcome resolution = 051', 'welcome statement = 051',
  'welcome extension = 051', 'welcome signing = 051', 'welcome opening = 051', 'welcome effort = 051', 'welcome commitment = 051',
  'support = 051', 'back = 051', 'defend = 052', 'rally support = 053',
  'deepen tie = 050', 'deepen cooperation = 050', 'deepen relation = 050', 'deepen partnership = 050',
  'recognise = 054', 'recognize = 054', 'open embassy = 054', 'open consulate = 054', 'establish tie = 054', 'establish relation = 054', 'upgrade tie = 050', 'upgrade relation = 050', 'restore tie = 050', 'restore relation = 050',
  'apologise = 055', 'apologize = 055', 'express regret = 055', 'forgive = 056', 'pardon = 056',
  'sign = 057', 'ink = 057', 'initial = 057', 'ratify = 057', 'conclude agreement = 057', 'reach agreement = 057', 'reach deal = 057', 'seal deal = 057', 'seal agreement = 057', 'agree text = 057',
  // 06 material cooperation
  'cooperate = 060', 'collaborate = 060', 'launch game = 062', 'hold exercise = 062', 'conduct exercise = 062', 'launch exercise = 062', 'hold drill = 062',
  'sell weapon = 062', 'sell arm = 062', 'sell artillery = 062', 'sell missile = 062', 'sell drone = 062', 'sell tank = 062',
  'present proposal = 030', 'present plan = 030', 'present draft = 030',
  'share intelligence = 064', 'share information = 064', 'extradite = 063',
  // 07 aid
  'provide = 070', 'donate = 071', 'supply = 070', 'hand over = 070', 'contribute = 070',
  // Handing over land is yielding, not aid.
  'hand over village = 080', 'hand over territory = 080', 'hand over land = 080', 'hand over district = 080', 'hand over area = 080', 'hand over region = 080', 'hand over town = 080', 'hand over control = 080',
  // "give" and "deliver" carry a speech, an interview or a verdict as often as aid: coded only with what is handed over.
  'give aid = 070', 'give assistance = 070', 'give money = 070', 'give fund = 070', 'give loan = 070', 'give grant = 070', 'give weapon = 070', 'give arm = 070', 'give equipment = 070', 'give food = 070', 'give supply = 070',
  'deliver aid = 070', 'deliver assistance = 070', 'deliver weapon = 070', 'deliver arm = 070', 'deliver food = 070', 'deliver supply = 070', 'deliver fuel = 070', 'deliver gas = 070', 'deliver equipment = 070', 'deliver ammunition = 070', 'deliver missile = 070',
  'provide aid = 073', 'send aid = 073', 'provide troop = 074', 'contribute troop = 074', 'send troop = 074', 'grant asylum = 075', 'give asylum = 075', 'offer asylum = 075',
  // 08 yield
  'yield = 080', 'concede = 080', 'relent = 080', 'allow = 080', 'permit = 080', 'ease = 081', 'lift = 081', 'cancel restriction = 081', 'relax = 081',
  'lift emergency = 0814', 'lift curfew = 0813', 'ease emergency = 0814', 'lift sanction = 085', 'ease sanction = 085', 'lift embargo = 085',
  // Calling off a strike or a protest eases dissent; calling off a visit or events cuts relations (16x).
  'call off = 160', 'call off strike = 082', 'call off protest = 082', 'call off rally = 082', 'call off demonstration = 082', 'call off march = 082', 'accept demand = 083', 'meet demand = 083', 'concede demand = 083',
  'resign = 0831', 'step down = 0831', 'quit = 0831',
  'release prisoner = 0841', 'release hostage = 0841', 'release detainee = 0841', 'release journalist = 0841', 'release captive = 0841', 'release people = 0841', 'release soldier = 0841',
  'free prisoner = 0841', 'free hostage = 0841', 'free detainee = 0841', 'free journalist = 0841', 'return = 0842',
  // People handed over, returned, freed or transferred are released persons (0841), whatever the verb.
  ...['release', 'free', 'return', 'hand over', 'transfer', 'repatriate', 'swap', 'exchange'].flatMap((verb) =>
    ['prisoner', 'hostage', 'detainee', 'captive', 'soldier', 'serviceman', 'servicemen', 'citizen', 'national', 'civilian', 'people', 'remains', 'body', 'POW', 'fisherman', 'fishermen'].map((person) => `${verb} ${person} = 0841`),
  ), 'pay compensation = 0842', 'compensate = 0842',
  'receive observer = 0862', 'receive inspector = 0862', 'receive mission = 0862', 'admit inspector = 0862', 'arrive peacekeeping = 0861', 'receive peacekeeper = 0861',
  'withdraw = 0872', 'withdraw inspector = 1662', 'withdraw observer = 1662', 'withdraw monitor = 1662', 'withdraw peacekeeper = 1661', 'withdraw peacekeeping = 1661', 'withdraw worker = 1663', 'pull out = 0872', 'pull back = 0872', 'retreat = 0874', 'surrender = 0874', 'disarm = 0873', 'demobilize = 0873', 'demobilise = 0873',
  'declare ceasefire = 0871', 'declare truce = 0871', 'agree ceasefire = 0871',
  // 09 investigate
  'investigate = 090', 'probe = 090', 'inspect = 090', 'open investigation = 090', 'launch investigation = 090', 'open inquiry = 090', 'launch inquiry = 090',
  'open hearing = 090', 'put investigation = 091', 'dispatch inspector = 090', 'send inspector = 090', 'send investigator = 090',
  // 10 demand
  'demand = 100', 'call for = 100', 'urge = 100', 'press for = 100', 'push for = 100', 'pressure = 100', 'press = 100', 'push = 100',
  'demand release = 1053', 'demand apology = 100', 'demand meeting = 106', 'demand talk = 106', 'demand truce = 1056', 'demand ceasefire = 1056',
  // 11 disapprove
  'criticise = 111', 'criticize = 111', 'denounce = 111', 'condemn = 111', 'slam = 111', 'blast = 111', 'decry = 111', 'deplore = 111', 'censure = 111', 'rebuke = 111',
  // Putting off a meeting or vote ("postponed to mid-November") is no remand to custody, whatever PETRARCH's "to" pattern says.
  'postpone = 112',
  'accuse = 112', 'blame = 112', 'allege = 112', 'charge = 112', 'call sanction = 113', 'call for sanction = 113', 'call on against = 113', 'rally against = 113',
  'complain = 114', 'lodge protest = 114', 'hand note = 114', 'hand protest = 114', 'deliver note = 114', 'deliver protest = 114', 'send note = 114', 'issue protest = 114', 'summon ambassador = 114', 'summon envoy = 114', 'summon diplomat = 114', 'summon charge = 114',
  'uphold sentence = 173', 'uphold conviction = 173', 'uphold verdict = 173', 'remand = 173',
  'sue = 115', 'file lawsuit = 115', 'indict = 1121', 'convict = 116', 'find guilty = 116',
  // 12 reject
  'oppose = 120', 'oppose mediation = 126', 'oppose plan = 127', 'oppose proposal = 125', 'reject = 120', 'refuse = 120', 'decline = 120', 'rebuff = 120', 'spurn = 120', 'turn down = 120', 'veto = 129', 'defy = 128',
  // Denying or rejecting a charge against oneself is CAMEO's denial of responsibility (016); a denial of an act the text names marks that act denied instead.
  'deny involvement = 016', 'deny responsibility = 016', 'deny role = 016', 'deny wrongdoing = 016', 'deny allegation = 016', 'deny accusation = 016', 'deny charge = 016', 'deny claim = 016', 'deny link = 016',
  'deny manipulation = 016', 'deny fraud = 016', 'deny interference = 016', 'deny meddling = 016', 'deny rigging = 016', 'deny report = 016', 'deny abuse = 016', 'deny killing = 016',
  'reject accusation = 016', 'reject allegation = 016', 'reject charge = 016', 'reject claim = 016', 'reject imputation = 016', 'reject insinuation = 016',
  'dismiss accusation = 016', 'dismiss allegation = 016', 'dismiss charge = 016', 'dismiss claim = 016', 'refute = 016', 'rebut = 016',
  'deny allocation = 120', 'deny permission = 120', 'deny request = 120', 'deny access = 1245',
  'reject proposal = 125', 'reject plan = 127', 'reject call = 122', 'reject ultimatum = 120',
  // 13 threaten
  'threaten = 130', 'warn = 130', 'threaten attack = 138', 'threaten offensive = 138', 'threaten force = 138', 'threaten strike = 138', 'threaten blow = 138',
  'threaten boycott = 1312', 'threaten sanction = 1312', 'threaten cut = 1313', 'swear fight = 138', 'vow fight = 138', 'issue ultimatum = 139',
  // 14 protest
  'protest = 140', 'demonstrate = 141', 'rally = 141', 'march = 141', 'hold rally = 141', 'hold protest = 141', 'hold demonstration = 141', 'stage protest = 141', 'stage rally = 141',
  'collect signature = 140', 'sign petition = 140', 'vote against = 120', 'riot = 145', 'go strike = 143', 'stage strike = 143', 'stop work = 143', 'boycott = 143', 'launch strike hunger = 142',
  'block = 144', 'block road = 144', 'block street = 144', 'block bridge = 144', 'block roadway = 144', 'barricade = 144',
  // 15 force posture
  // Peacekeepers deployed or sent protect (074); more patrols show force (150).
  'deploy peacekeeper = 074', 'send peacekeeper = 074', 'increase patrol = 150', 'step up patrol = 150', 'boost patrol = 150', 'intensify patrol = 150',
  'mobilise = 154', 'mobilize = 154', 'deploy = 154', 'reinforce = 154', 'mass = 154', 'remain alert = 152', 'put alert = 152', 'place alert = 152', 'order patrol = 153',
  // 16 reduce relations
  'cut tie = 161', 'sever tie = 161', 'break tie = 161', 'break relation = 161', 'sever relation = 161', 'downgrade tie = 161', 'recall ambassador = 161', 'recall envoy = 161', 'recall diplomat = 161', 'withdraw ambassador = 161', 'withdraw envoy = 161', 'withdraw diplomat = 161',
  'freeze participation = 160', 'suspend participation = 160', 'freeze membership = 160', 'suspend membership = 160',
  'suspend = 160', 'suspend aid = 162', 'halt aid = 162', 'cut aid = 162', 'reduce supply = 162', 'reduce aid = 162', 'prohibit aid = 162', 'stop aid = 162',
  'halt mediation = 165', 'suspend mediation = 165', 'suspend talk = 164', 'suspend negotiation = 164', 'halt talk = 164', 'cancel = 160', 'cancel visit = 160', 'cancel event = 160',
  // Closing a foreign state's post cuts relations; closing an outlet, an office or a border restricts (172).
  'close embassy = 161', 'close consulate = 161', 'close mission = 161', 'shut embassy = 161', 'shut consulate = 161', 'shut down embassy = 161', 'shut down consulate = 161',
  'close office = 172', 'close bureau = 172', 'close centre = 172', 'close center = 172', 'close border = 172', 'close airspace = 172', 'close crossing = 172', 'close outlet = 172', 'close channel = 172', 'close newspaper = 172',
  'shut office = 172', 'shut bureau = 172', 'shut centre = 172', 'shut center = 172', 'shut border = 172', 'shut down office = 172', 'shut down bureau = 172', 'shut down centre = 172', 'shut down center = 172', 'shut down outlet = 172', 'shut down channel = 172', 'shut down newspaper = 172',
  // Ordering a body to close or people to leave, or giving them a deadline to: the orderer restricts or expels.
  'order close = 172', 'order shut = 172', 'order cease = 172', 'instruct close = 172', 'instruct shut = 172', 'instruct cease = 172', 'give close = 172', 'give shut = 172',
  'order leave = 166', 'instruct leave = 166', 'give leave = 166',
  'expel = 166', 'expel diplomat = 166',
  // Expelling ordinary people is deporting them (174), not expelling a state's envoys (166).
  'expel citizen = 174', 'expel national = 174', 'expel migrant = 174', 'expel worker = 174', 'expel people = 174', 'expel resident = 174', 'expel journalist = 174', 'force out = 166', 'ship out = 1661', 'deny entry = 163',
  'impose sanction = 163', 'impose embargo = 163', 'impose tariff = 163', 'impose duty = 163', 'slap tariff = 163', 'slap duty = 163', 'slap sanction = 163', 'levy tariff = 163', 'levy duty = 163', 'approve sanction = 163', 'adopt sanction = 163', 'agree sanction = 163', 'sanction = 163', 'embargo = 163', 'suspension = 160', 'suspension talk = 164', 'suspension aid = 162',
  // 17 coerce
  'arrest = 173', 'detain = 173', 'jail = 173', 'imprison = 173', 'sentence = 173', 'charge with = 173', 'order detention = 173', 'hold shield = 173',
  'give sentence = 173', 'hand sentence = 173', 'stand trial = 173', 'face trial = 173', 'put trial = 173',
  'raid = 170', 'seize = 171', 'confiscate = 1711', 'demolish = 1712', 'destroy = 1712', 'blow up = 1712', 'deface = 1712', 'vandalise = 1712', 'vandalize = 1712',
  'ban = 172', 'outlaw = 1722', 'prevent demonstration = 172', 'prevent protest = 172', 'prevent rally = 172', 'impose curfew = 1723', 'declare emergency = 1724',
  'deport = 174', 'crack down = 175', 'reimpose blockade = 191', 'impose blockade = 191', 'blockade = 191', 'occupy = 192',
  // 18 assault
  'kidnap = 181', 'abduct = 181', 'hijack = 181', 'take hostage = 181', 'beat = 182', 'assault = 182', 'abuse = 182', 'sexually abuse = 1821', 'rape = 1821', 'torture = 1822',
  'murder = 1823', 'stab = 1823', 'behead = 1823', 'kill = 1823',
  'bomb = 183', 'explode bomb = 183', 'detonate = 183', 'assassinate = 186', 'attempt assassinate = 185', 'massacre = 202',
  // 19 fight
  'attack = 190', 'fight = 190', 'clash = 190', 'strike = 190', 'hit = 190', 'shoot down = 190', 'down = 190', 'invade = 192', 'mount invasion = 192',
  'launch offensive = 190', 'launch operation = 190', 'launch attack = 190', 'launch strike = 195', 'shell = 194', 'bombard = 194', 'pound = 194',
  'shoot = 193', 'open fire = 193', 'fire on = 193', 'fire at = 193', 'capture = 192', 'retake = 192', 'recapture = 192', 'overrun = 192', 'annex = 192',
  'violate ceasefire = 196', 'violate truce = 196', 'break ceasefire = 196',
];

/** Nouns that name an event of their own ("the raid", "talks", "an apology"). */
export const EVENT_NOUNS: readonly string[] = [
  'talk telephone = 041', 'talk phone = 041', 'conversation telephone = 041', 'conversation phone = 041', 'talk = 046', 'negotiation = 046', 'discussion = 040', 'meeting = 040', 'summit = 040', 'session = 040', 'visit = 042', 'call phone = 041', 'mediation = 045',
  'apology = 055', 'memorandum = 057', 'treaty = 057', 'ceasefire = 0871', 'truce = 0871', 'withdrawal = 0872',
  'investigation = 090', 'probe = 090', 'inquiry = 090', 'demand = 100', 'ultimatum = 139',
  'criticism = 111', 'accusation = 112', 'protest = 141', 'demonstration = 141', 'rally = 141', 'riot = 145', 'boycott = 143',
  'sanction = 163', 'embargo = 163', 'suspension = 160', 'suspension talk = 164', 'suspension aid = 162', 'expulsion = 166',
  'closure embassy = 161', 'closure consulate = 161', 'closure mission = 161', 'closure office = 172', 'closure bureau = 172', 'closure centre = 172', 'closure center = 172', 'closure border = 172', 'closure airspace = 172', 'closure crossing = 172', 'closure outlet = 172', 'closure channel = 172', 'closure newspaper = 172', 'arrest = 173', 'detention = 173', 'raid = 170', 'crackdown = 175', 'ban = 172', 'blockade = 191',
  'kidnapping = 181', 'torture = 1822', 'bombing = 183', 'assassination = 186', 'massacre = 202',
  'attack = 190', 'downing = 190', 'shootdown = 190', 'offensive = 190', 'operation military = 190', 'invasion = 192', 'airstrike = 195', 'strike air = 195', 'shelling = 194', 'clash = 190', 'fighting = 190', 'occupation = 192',
];

/** Verbs that carry a noun event ("hold talks", "launch an offensive"): never coded on their own, the noun decides the code. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'hold', 'launch', 'mount', 'conduct', 'stage', 'carry', 'begin', 'start', 'open', 'undertake', 'make', 'have', 'issue', 'resume', 'renew',
  'continue', 'join', 'attend', 'organise', 'organize', 'step', 'unleash', 'wage', 'order', 'impose', 'outline', 'voice', 'express', 'file', 'lodge',
]);

/** Speech and report verbs: they attribute what they govern and are not events themselves. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'announce', 'state', 'add', 'write', 'claim', 'confirm', 'report', 'declare', 'note', 'explain', 'stress', 'insist', 'reiterate',
  'post', 'tweet', 'indicate', 'suggest', 'acknowledge', 'admit', 'recall', 'describe', 'quote', 'reveal', 'disclose', 'assert', 'argue', 'predict',
]);

/** Vehicles, whose journeys are no visits ("the plane was flying to Grozny"). */
export const VEHICLE_NOUNS: ReadonlySet<string> = new Set(['plane', 'aircraft', 'airliner', 'jet', 'flight', 'helicopter', 'train', 'ship', 'vessel', 'tanker', 'ferry', 'convoy', 'truck', 'lorry', 'bus', 'drone', 'missile', 'shipment', 'cargo', 'consignment']);

/** Participles that describe their subject's stance ("Israel is opposed to …", "is committed to"): the subject acts, they are not passives. */
export const STATIVE_PARTICIPLES: ReadonlySet<string> = new Set(['oppose', 'commit', 'determine', 'prepare', 'dedicate', 'devote', 'resolve', 'intend', 'engage', 'involve']);

"""Prose banks for the demo documents, written for reportkit (no sentence is taken from a source).

Each bank is a list of grammar templates (see grammar.py). Generic banks stay free of the finding
cues ("found good practice", "is concerned that", ...) so the gold can count those exactly.
"""
from __future__ import annotations

INTRO = [
    "This report sets out what $insp found when it {examined|looked at|reviewed} how $force "
    "{protects|safeguards|responds to} children who {may be at risk of harm|need its help}.",
    "The {inspection|work} formed part of a {rolling|national} programme that {visits|covers} "
    "every force in England and Wales in turn.",
    "{Inspectors|The team} {spoke to|interviewed|met} {officers and staff|frontline officers, "
    "supervisors and specialist staff} {across the force area|in each district|at several "
    "stations}, and {observed|sat in on} {briefings|referral meetings|daily management meetings}.",
    "{Alongside|In addition to} the interviews, $insp {examined|audited|read} {case files|"
    "records of individual cases} to see what had {actually happened|been done} for each child.",
    "The {aim|purpose} was to {judge|assess|understand} the {quality|consistency} of the "
    "{service|response} a child {receives|can expect} from the {first call|moment a concern "
    "is raised} to the {end of an investigation|point at which the case is closed}.",
    "{Partner agencies|Representatives of children's social care, health and education} were "
    "{also consulted|invited to give their views|asked how well the force works with them}.",
    "$insp {does not|did not} {inspect|examine} the work of {other agencies|local authorities "
    "or health services} {directly|in this report}, {although|but} their views {inform|shaped} "
    "several of the {judgments|conclusions} that follow.",
    "The {findings|conclusions} {are intended to|should} help $force {decide where to act "
    "first|set priorities|plan its improvement work} {over the coming months|in the next year}.",
]

CONTEXT = [
    "$area {is a large and varied area|combines dense urban centres with rural districts|"
    "includes several cities and a wide rural hinterland}.",
    "The force {is organised into|works through} {districts|local policing areas}, each with "
    "{its own|a dedicated} {safeguarding unit|team for vulnerable people}.",
    "{Child protection|Safeguarding} work is {led|overseen} by {a chief officer|an assistant chief "
    "constable} who {chairs|leads} a {strategic|force-level} {group|board} on {vulnerability|"
    "protecting vulnerable people}.",
    "Like other forces, $force has {faced|managed} {reductions in funding|financial pressure} "
    "while {demand|the volume of reported abuse} has {grown|risen|increased steadily}.",
    "{Reports of|Referrals about} {non-recent abuse|historical sexual offences} have {increased|"
    "grown} {markedly|considerably} {since 2012|in recent years}, {adding to|placing pressure on} "
    "{investigative capacity|the specialist teams}.",
    "The force {works with|shares its area with} {several|a number of} local authorities, "
    "{each with|and each has} {its own|a separate} local safeguarding children board.",
    "{Multi-agency safeguarding hubs|Joint referral units} {bring together|co-locate} police, "
    "{social workers and health staff|children's services and health practitioners} {in some "
    "districts|in parts of the force area}.",
]

METHOD = [
    "{Inspectors|The team} {selected|chose} cases {at random|from force records} {covering|"
    "across} {the main ways in which|the routes by which} children {come to police attention|"
    "are referred}.",
    "Each case was {graded|assessed} against {a common framework|the same criteria} {used in|"
    "applied across} every force in the programme.",
    "{Where|If} a case {gave cause for concern|suggested a child might still be at risk}, it "
    "was {referred back to|passed to} the force {for action|so that it could act at once}.",
    "{The grading|Grading} {reflects|looks at} the {whole|overall} police response {in the "
    "case|to the child}, not {the work of one officer|a single decision}.",
    "{Fieldwork|The visit} {included|combined} {interviews|focus groups} with {officers|staff} "
    "of {all ranks|different ranks} and {observations|reality testing} {in|at} {custody suites|"
    "control rooms and front counters}.",
    "{Documents|Policies, strategies and performance reports} {supplied by|requested from} "
    "the force were {read|examined} {before|ahead of} the {visit|fieldwork}.",
    "The {case sample|sample of cases} is {not|not intended to be} {statistically representative|"
    "a statistical sample}, {but|yet} it {gives|offers} a {reliable|clear} {picture|view} of "
    "{practice|how officers work} {day to day|in ordinary cases}.",
]

INITIAL_CONTACT = [
    "{Call handlers|Control room staff} {generally|usually} {identified|recognised} when a "
    "{call|report} {involved|concerned} a child {and|then} {recorded|noted} that fact.",
    "{Risk|Threat, harm and risk} was {assessed|considered} {at the first point of contact|when "
    "the call was taken} {in most|in many} of the {cases|calls} {inspectors|we} {listened to|"
    "reviewed}.",
    "{Officers attending|Response officers at} {domestic incidents|calls for service} did "
    "{not always|not consistently} {speak to|see} the children {present|in the household}.",
    "{Where|When} officers {did|took time to} {talk to|engage with} children, their {accounts|"
    "records} {gave|provided} {a clear|a useful} {picture|sense} of the {child's|children's} "
    "{circumstances|situation|daily life}.",
    "{Notifications|Referrals} to children's social care {were|are} {made|submitted} "
    "{through|by means of} a {standard form|single electronic form} {completed by|raised by} "
    "the attending officer.",
    "{The quality of|Detail in} these {notifications|forms} {varied|was uneven} {between|across} "
    "{districts|teams}, {and|while} some {contained|held} {little|only brief} information about "
    "the child.",
    "{Supervisors|Sergeants} {did not always|seldom} {check|review} {the forms|referrals} {before|"
    "ahead of} they were {sent|passed on}.",
    "{Calls|Reports} {from schools|from teachers and health visitors} were {usually|mostly} "
    "{routed|passed} {directly|straight} to the {safeguarding|referral} {unit|team}.",
]

ASSESSMENT = [
    "{Once|After} a referral {reached|was received by} the {hub|referral unit}, {staff|"
    "researchers} {checked|searched} police {systems|records} for {earlier|previous} "
    "{contact|incidents} {involving|concerning} the family.",
    "{Information|Intelligence} was {shared|exchanged} with {partner agencies|social workers} "
    "{promptly|quickly} {in most|in the majority of} cases.",
    "{Strategy discussions|Strategy meetings} {took place|were held} {within a day|quickly} "
    "{where|when} the {risk|threat} to the child {was|appeared} {high|immediate}.",
    "{Officers|Police staff} {did not always|did not consistently} {attend|take part in} "
    "{initial child protection conferences|case conferences}, {which|and this} {limited|reduced} "
    "the {information|contribution} {available|brought} to {partners|the conference}.",
    "{Decisions|Outcomes} {from|of} {these discussions|strategy meetings} were {recorded|written "
    "down} {on|in} police {systems|records} {in|for} {some|most} {cases|of the cases examined}.",
    "{Referrals|Cases} {assessed|judged} as {lower risk|standard risk} {sometimes|occasionally} "
    "{waited|remained unallocated} {for several days|for some time} {before|until} {they were "
    "reviewed|anyone looked at them}.",
    "{Staff|Researchers} in the {hub|unit} {understood|knew} {their role|what was expected of "
    "them} and {spoke positively|were positive} about {joint working|working alongside partners}.",
    "{Help|Support} for the child {was|tended to be} {arranged|coordinated} by {social workers|"
    "children's services}, with {police|officers} {contributing|adding} {information|what they "
    "knew} {about risk|about the adults involved}.",
]

INVESTIGATION = [
    "{Investigations|Enquiries} {into|about} {child abuse|offences against children} were "
    "{allocated|passed} to {officers|investigators} {with|who had} {appropriate|suitable} "
    "{training|skills} {in most|in many} cases.",
    "{Evidence|Forensic opportunities} {were|was} {not always|sometimes not} {secured|gathered} "
    "{quickly|promptly} {enough|at the outset}.",
    "{Interviews|Achieving best evidence interviews} with children were {planned|prepared} "
    "{carefully|thoroughly} {and|while} {took account of|reflected} the child's {age|needs|"
    "wishes}.",
    "{Supervisors|Detective sergeants} {reviewed|oversaw} {investigations|case files} {at|on} "
    "{regular intervals|set dates}, {although|but} {their|these} {reviews|entries} {were "
    "sometimes|could be} {brief|short} and {lacked|did not set} {direction|clear actions}.",
    "{Some|A few} {investigations|cases} {were|had been} {delayed|slowed} by {high workloads|"
    "the number of cases each officer carried}.",
    "{Suspects|Those suspected of offences} were {arrested|interviewed} {promptly|without delay} "
    "{where|when} the {evidence|circumstances} {allowed|justified it}.",
    "{Victims|Children and their families} were {kept informed|given updates} {about|on} "
    "{progress|the investigation} {in|for} {most|many} cases.",
    "{Bail|Pre-charge bail} {conditions|arrangements} were {used|applied} to {protect|safeguard} "
    "children {in several|in a number of} {cases|investigations} {inspectors|we} {examined|read}.",
]

DECISION = [
    "{Decisions|Choices} {about|on} {whether to take|taking} {no further action|a case no "
    "further} were {recorded|written up} {with|and supported by} {a rationale|reasons}.",
    "{Where|When} a case was {closed|finalised}, {the|an} {entry|record} {usually|generally} "
    "{explained|set out} {why|the reasons}.",
    "{Advice|Early advice} from the Crown Prosecution Service was {sought|obtained} {in|for} "
    "{appropriate|suitable} cases.",
    "{Decisions|Some decisions} {were|had been} {taken|made} without {a full|an adequate} "
    "{understanding|picture} of the {child's|family's} {history|earlier contact with police}.",
    "{Out-of-court|Informal} {disposals|outcomes} were {considered|used} {for|with} {young|"
    "teenage} {offenders|suspects} {where|when} {this|it} {suited|fitted} the {circumstances|"
    "facts of the case}.",
    "{Senior officers|Managers} {reviewed|checked} a {sample|selection} of {closed|finalised} "
    "cases {each month|regularly} to {test|confirm} the {quality|soundness} of {decisions|"
    "outcomes}.",
    "The {views|wishes} of the child were {recorded|noted} {before|ahead of} {decisions|key "
    "decisions} {in some|in only some} cases.",
]

TRUSTED_ADULT = [
    "{Children|Young people} {said|told inspectors} {they wanted|that they valued} {one|a single} "
    "{named|identified} {person|officer} {they could|to} {contact|turn to}.",
    "{The force|$force} {had|has} {begun|started} to {name|appoint} a {single point of contact|"
    "lead officer} for {each child|children} {in|during} {complex|long-running} "
    "{investigations|cases}.",
    "{Officers|Staff} {built|established} {good|trusting} {relationships|rapport} with {children|"
    "young people} {in|over} {long|protracted} {enquiries|investigations}.",
    "{Where|When} {the officer in the case|an investigator} {changed|moved on}, {children|"
    "families} were {not always|seldom} {told|informed} {who|which officer} would {take over|"
    "replace them}.",
    "{Support|Help} from {independent advocates|specialist charities} {was|had been} "
    "{offered|arranged} {to|for} {some|several} {children|young people} {in the cases we read|"
    "during investigations}.",
    "{Building|Maintaining} {trust|confidence} {matters|is important} {because|as} {children|"
    "young people} {who|that} {disclose abuse|come forward} {may|often} {withdraw|retract} "
    "{if|when} {they feel|left feeling} {unsupported|alone}.",
]

DETENTION = [
    "{Children|Young people} {arrested|detained} {overnight|after charge} should {be moved|"
    "transfer} to {local authority accommodation|a place of safety} {rather than|instead of} "
    "{remaining|being held} in a police cell.",
    "{Custody|Detention} {records|logs} did {not always|not consistently} {show|explain} "
    "{why|the reason} a child {was|had been} {kept|held} {in custody|in the cells}.",
    "{Custody sergeants|Detention officers} {requested|asked for} {accommodation|a bed} from the "
    "local authority {in some|in a few} cases, {but|although} {none|little} was {provided|"
    "available}.",
    "{Appropriate adults|Parents or appropriate adults} {were|had been} {called|contacted} "
    "{promptly|quickly} {in most|in many} cases {we|inspectors} {examined|read}.",
    "{Children|Young people} {held|detained} {under|using} {police protection powers|section 46 "
    "of the Children Act 1989} were {sometimes|occasionally} {taken|brought} to a {police "
    "station|custody suite} {when|where} {another|a more suitable} place {would have been|was} "
    "{better|more appropriate}.",
    "The force {collected|held} {limited|little} {data|information} {on|about} how {often|many} "
    "{children|young people} {were|had been} {detained|held} {overnight|after charge}.",
]

LEADERSHIP = [
    "{Chief officers|Senior leaders} {have made|had made} {child protection|safeguarding} a "
    "{clear|stated} {priority|focus} {in|within} the force's {plans|strategy}.",
    "{This|That} {priority|commitment} {was|is} {understood|recognised} by {staff|officers} "
    "{at|of} {many|most} {ranks|levels}.",
    "{Governance|Oversight} {of|for} {child protection|safeguarding} {work|activity} {runs|"
    "passes} through a {strategic|force} {board|group} {chaired|led} by a {chief officer|"
    "senior officer}.",
    "{Performance|Management} {information|data} {focused|concentrated} {largely|mainly} on "
    "{volumes|numbers} {rather than|not} on the {quality|outcome} of the {service|work} for "
    "{children|each child}.",
    "{Training|Learning} {on|about} {child protection|safeguarding} {had been|was} {delivered|"
    "provided} to {many|most} {officers|frontline staff}, {although|but} {its|the} {effect|"
    "impact} {was|had} not {yet|been} {evaluated|assessed}.",
    "{Workloads|Caseloads} in {specialist|safeguarding} {teams|units} {were|remained} {high|"
    "heavy}, {and|while} {managers|supervisors} {described|reported} {difficulty|problems} "
    "{recruiting|attracting} {detectives|investigators}.",
    "The force {works|worked} {closely|effectively} with the {local safeguarding children boards|"
    "safeguarding partnerships} and {contributes|contributed} to {serious case reviews|"
    "multi-agency audits}.",
    "{Lessons|Learning} from {reviews|case reviews} {were|was} {shared|circulated} {with|to} "
    "{staff|officers} {through|by} {briefings|bulletins|training days}.",
]

RISK = [
    "{Registered sex offenders|Those subject to notification requirements} {are|were} "
    "{managed|supervised} by {a dedicated|a specialist} {unit|team} {within|in} the force.",
    "{Visits|Home visits} to {offenders|registered offenders} {took place|were carried out} "
    "{at|on} the {required|expected} {intervals|frequency} in {most|many} cases.",
    "{Risk assessments|Assessments of risk} {were|had been} {reviewed|updated} {after|following} "
    "{significant|important} {changes|events} in the {offender's|person's} {circumstances|life}.",
    "{Information|Intelligence} about {people|individuals} {who|that} {may pose|might pose} "
    "a risk to children was {shared|passed} with {partners|other agencies} {through|under} "
    "{agreed|established} {arrangements|protocols}.",
    "{Officers|Staff} {used|applied} {civil orders|prevention orders} to {restrict|limit} the "
    "{activities|contact} of {those|people} {posing|presenting} a risk.",
]

MISSING = [
    "{Children|Young people} who {go missing|run away} {repeatedly|frequently} {may be|are "
    "often} at risk of {exploitation|harm}.",
    "{Return interviews|Return home interviews} were {carried out|completed} by {an independent|"
    "a commissioned} {provider|service} {in|for} {most|many} {cases|episodes}.",
    "{Information|Findings} from {these interviews|return interviews} was {not always|not "
    "consistently} {passed back|returned} to the {police|force}.",
    "{Officers|Staff} {distinguished|separated} {between|} {missing|absent} {episodes|reports} "
    "{according to|using} {national|agreed} {definitions|categories}.",
]

CSE = [
    "{Child sexual exploitation|Exploitation of children} {was|has been} {recognised|identified} "
    "{as|to be} a {priority|high priority} {by|for} {the force|$force}.",
    "{Specialist|Dedicated} {teams|officers} {investigated|pursued} {exploitation|CSE} {cases|"
    "offences} {alongside|together with} {social workers|partners}.",
    "{Risk assessment tools|Screening tools} for {exploitation|CSE} were {used|completed} "
    "{inconsistently|unevenly} {across|between} {districts|teams}.",
    "{Intelligence|Information} {about|on} {locations|places} and {people|adults} "
    "{linked|connected} to {exploitation|CSE} was {gathered|collected} {and|then} {mapped|"
    "analysed}.",
]

PARTNERSHIP = [
    "{Partners|Partner agencies} {described|spoke of} {a good|a constructive} {relationship|"
    "working relationship} with the force {at|in} {a strategic level|senior meetings}.",
    "{Joint|Shared} {training|learning} {with|alongside} {social workers|partner staff} {had|"
    "has} {helped|improved} {understanding|mutual understanding} of {roles|each other's roles}.",
    "{Some|Several} {partners|agencies} {said|felt} that {police|officers} {attendance|"
    "participation} at {meetings|conferences} {could|should} be {more consistent|improved}.",
]

CONCLUSION = [
    "{Overall|Taken together}, the {picture|evidence} {is|was} {mixed|uneven}, with "
    "{committed|dedicated} {staff|officers} {working|operating} within {systems|processes} that "
    "{do not|did not} {always|consistently} {support|help} them.",
    "$force {needs to|should} {build on|extend} the {improvements|progress} {it has made|already "
    "made} and {make sure|ensure} that {good|sound} {practice|work} {is|becomes} "
    "{consistent|routine} {across|throughout} the force.",
    "$insp {will|intends to} {return|revisit the force} {to|in order to} {check|assess} "
    "{progress|how far the recommendations have been met}.",
    "{The|This} report's {recommendations|actions} {are intended to|should} {help|assist} "
    "{the force|$force} {focus|concentrate} on {the areas|the matters} {that|which} {matter|"
    "count} most {to|for} children.",
]

BACKGROUND_REVIEW = [
    "$insp {first|originally} inspected $force {in|during} $baseline_fieldwork and "
    "{published|issued} its {report|findings} in $baseline_published.",
    "{After|Following} {that|the} {report|inspection}, the force {sent|provided} $insp {with|} "
    "an action plan {setting out|explaining} how it {would|intended to} {respond to|meet} the "
    "recommendations.",
    "{This|The} post-inspection review {examined|looked at} {the progress made|what had "
    "changed} {since|after} the {original|first} inspection.",
    "{Unlike|In contrast to} the {original|earlier} inspection, the review {does not|did not} "
    "{grade|give an overall judgment on} the force.",
    "{Inspectors|The review team} {returned|went back} to the force {and|to} {interviewed|spoke "
    "with} {officers|staff} {and|before} {examined|re-examining} a {new|fresh} {sample|set} of "
    "cases.",
    "{The|Its} {focus|emphasis} {was|lay} on the {recommendations|areas for improvement} "
    "{made|set out} in the {earlier|first} report.",
]

TOPIC_BANKS = {
    "Initial contact": INITIAL_CONTACT,
    "Assessment and help": ASSESSMENT,
    "Investigation": INVESTIGATION,
    "Decision making": DECISION,
    "Trusted adult": TRUSTED_ADULT,
    "Police detention": DETENTION,
    "Leadership, management and governance": LEADERSHIP,
    "Managing those posing a risk to children": RISK,
    "Missing children": MISSING,
    "Child sexual exploitation": CSE,
    "Partnership working": PARTNERSHIP,
}
# The inspection area (vocabulary.INSPECTION_AREAS) each demo chapter is about: the findings gold.
TOPIC_AREAS = {
    "Initial contact": "initial_contact", "Assessment and help": "assessment_and_help",
    "Investigation": "investigation", "Decision making": "decision_making",
    "Trusted adult": "trusted_adult", "Police detention": "police_detention",
    "Leadership, management and governance": "leadership",
    "Managing those posing a risk to children": "managing_risk",
    "Missing children": "missing_children", "Child sexual exploitation": "child_sexual_exploitation",
    "Partnership working": "partnership",
}

# Sentences with a finding's words that are not findings (someone else's words, a method, a
# resource): the gold lists none of them, so a reader that takes cue words for findings is caught.
NOT_FINDINGS = [
    "A manager in children's services told inspectors: \"Joint working with the police is a real "
    "strength here, and we are concerned that it depends on a few people.\"",
    "Officers can consult good practice guides on the force intranet, and concerns were referred "
    "to children's social care through the hub.",
]

# --- finding cues: each sentence carries exactly one cue ------------------------------------------
STRENGTH_OBJECTS = {
    "Initial contact": ["the way call handlers recorded the presence of children",
                        "the prompt dispatch of officers to calls about children at risk"],
    "Assessment and help": ["the sharing of information within the safeguarding hub",
                            "the speed of strategy discussions in urgent cases"],
    "Investigation": ["the planning of interviews with children",
                      "the use of bail conditions to keep children safe"],
    "Decision making": ["the recording of reasons when cases were closed",
                        "early consultation with prosecutors in complex cases"],
    "Trusted adult": ["the continuity of contact between investigators and children",
                      "the support arranged through independent advocates"],
    "Police detention": ["the prompt calling of appropriate adults",
                         "the attention custody staff gave to the welfare of detained children"],
    "Leadership, management and governance": ["the visible commitment of chief officers",
                                              "the training provided to frontline officers"],
    "Managing those posing a risk to children": ["the timeliness of visits to registered offenders"],
    "Missing children": ["the use of independent return interviews"],
    "Child sexual exploitation": ["the work of the specialist exploitation teams"],
    "Partnership working": ["joint training with social workers"],
}
CONCERN_CLAUSES = {
    "Initial contact": ["officers attending domestic incidents did not always record what they "
                        "saw of the children present",
                        "referrals to social care did not always describe the child's demeanour"],
    "Assessment and help": ["lower-risk referrals could wait several days before anyone "
                            "assessed them",
                            "police attendance at case conferences was inconsistent"],
    "Investigation": ["forensic opportunities were not always taken early",
                      "supervisory reviews seldom set a clear direction for investigators"],
    "Decision making": ["some decisions were taken without knowledge of the family's history",
                        "the child's views were recorded before key decisions in too few cases"],
    "Trusted adult": ["children were not always told when their investigating officer changed"],
    "Police detention": ["children charged with offences were still held overnight in cells",
                         "custody records did not explain why a child had been detained"],
    "Leadership, management and governance": ["performance data said little about the quality "
                                              "of the service children received",
                                              "workloads in specialist teams remained high"],
    "Managing those posing a risk to children": ["some offender risk assessments were overdue"],
    "Missing children": ["information from return interviews did not reach investigators"],
    "Child sexual exploitation": ["exploitation screening tools were used unevenly"],
    "Partnership working": ["partners could not rely on police attendance at meetings"],
}
WEAKNESS_NOUNS = {
    "Initial contact": "the recording of children's views at domestic incidents",
    "Assessment and help": "the handling of lower-risk referrals",
    "Investigation": "the quality of supervisory direction",
    "Decision making": "the recording of the child's voice in decisions",
    "Trusted adult": "continuity of contact for children",
    "Police detention": "the use of police cells for children after charge",
    "Leadership, management and governance": "the use of data about quality of service",
    "Managing those posing a risk to children": "the review of offender risk assessments",
    "Missing children": "the use of information from return interviews",
    "Child sexual exploitation": "the consistency of exploitation screening",
    "Partnership working": "attendance at multi-agency meetings",
}

GLOSSARY = [
    ("action plan", "the document a force sends to the inspectorate setting out how it will "
     "respond to each recommendation"),
    ("appropriate adult", "a parent, guardian or trained volunteer who supports a child or "
     "vulnerable adult held in custody"),
    ("case conference", "a meeting of professionals, chaired by children's social care, that "
     "decides whether a child needs a protection plan"),
    ("child protection plan", "a multi-agency plan setting out how a child will be kept safe "
     "and how progress will be checked"),
    ("child sexual exploitation", "a form of sexual abuse in which a child is manipulated or "
     "coerced into sexual activity, sometimes in exchange for something they want or need"),
    ("custody officer", "a sergeant responsible for the care and treatment of people detained "
     "at a police station"),
    ("domestic abuse", "controlling, threatening or violent behaviour between people who are "
     "or have been partners or family members"),
    ("frontline officer", "an officer whose daily work brings them into direct contact with "
     "the public, such as response and neighbourhood officers"),
    ("local safeguarding children board", "the statutory body that coordinates the work of "
     "local agencies to protect children"),
    ("multi-agency safeguarding hub", "an arrangement in which police, social care, health and "
     "others share information about children in one place"),
    ("police protection", "a power under the Children Act 1989 allowing an officer to remove a "
     "child to suitable accommodation for up to 72 hours"),
    ("referral", "the passing of a concern about a child from one agency to another, usually "
     "to children's social care"),
    ("return interview", "a conversation with a child after a missing episode to learn why they "
     "left and whether they came to harm"),
    ("risk assessment", "a structured judgment of the likelihood and seriousness of harm"),
    ("strategy discussion", "a conversation between police, social care and others to plan "
     "the response when a child may be suffering significant harm"),
    ("supervisor", "an officer, usually a sergeant or inspector, who oversees the work of others"),
    ("trusted adult", "a named person a child can rely on for information and support during "
     "an investigation"),
    ("vulnerability", "a state in which a person is less able to protect themselves from harm"),
]

# --- anonymised case studies: opening, referral, police response, outcome ------------------------
CASE_OPEN = [
    "A {girl|boy} aged {twelve|thirteen|fourteen|fifteen} {told a teacher|confided in a school "
    "nurse|spoke to a youth worker} that {an adult at home had hit them|a relative had abused "
    "them|an older man had been sending them messages}.",
    "{Neighbours|A passer-by|A relative} {called the police|rang 999} {late one evening|in the "
    "early hours} after hearing {shouting|a disturbance} at a house where {two|three|four} "
    "young children lived.",
    "A {mother|father|grandparent} {reported|told the police} that their {son|daughter}, aged "
    "{eleven|thirteen|sixteen}, had {gone missing|not come home} for the {third|fourth|fifth} "
    "time in a {month|few weeks}.",
    "{Staff at a children's home|A foster carer} {reported|raised concerns} that a "
    "{fourteen|fifteen}-year-old {was being collected|had been picked up} by {adults|men} "
    "{they did not know|unknown to them}.",
]
CASE_REFERRAL = [
    "The {call|report} was {graded|classed} as {urgent|requiring an emergency response} and "
    "officers {arrived|attended} {within the hour|quickly}.",
    "The {report|concern} was {passed|sent} to the {safeguarding hub|referral unit} {the same "
    "day|the next morning}.",
    "{A strategy discussion|A strategy meeting} {was held|took place} {the following day|"
    "within two days} with {children's social care|social workers and a health practitioner}.",
]
CASE_GOOD = [
    "{An officer|A detective constable} {saw|spoke to} the child {the same evening|within "
    "hours}, {recorded|noted} what the child said and {arranged|planned} a {recorded interview|"
    "joint visit with a social worker}.",
    "{The investigating officer|A named officer} {kept|stayed in} {regular contact|touch} with "
    "the {child|family} and {explained|told them about} each {step|stage} of the "
    "{investigation|process}.",
]
CASE_POOR = [
    "No officer {spoke to|saw} the child {for|until} {four|six|nine} days {later|had passed}, "
    "and the {record|file} did not {explain|give a reason for} the delay.",
    "The {attending officer|officer who attended} {noted|recorded} the {incident|adult "
    "dispute} {in detail|fully} but {said nothing|wrote nothing} about the children {present|"
    "in the house}.",
]
CASE_END = [
    "The {suspect|man} was {arrested|interviewed under caution} and {released on bail with "
    "conditions|later charged}, and the child {received help|was supported} from {an "
    "independent advocate|a specialist charity}.",
    "The {case|investigation} was {closed|filed} {without|with no} {recorded|written} "
    "{supervisory review|rationale}, {and|so} it {was|has been} {referred back|passed back} to "
    "the force.",
    "{Social workers|Children's social care} {put in place|agreed} a {child protection plan|plan "
    "to keep the child safe}, {with|and} {the police|officers} {contributing|taking part} "
    "{fully|throughout}.",
]

INITIAL_CONTACT += [
    "{Front counter|Enquiry office} staff {knew how to|were able to} {pass on|escalate} "
    "{concerns|reports} about children {without delay|promptly}.",
    "{Body-worn video|Recordings from body-worn cameras} {captured|showed} the {conditions|"
    "state} of some {homes|households} {officers|we} {visited|reviewed}.",
    "{Repeat callers|Families with earlier incidents} were {flagged|identified} {on|by} the "
    "{command and control system|call-handling system} {in most|in many} cases.",
]
ASSESSMENT += [
    "{Health|School} {information|records} {were|was} {added|brought} to the {assessment|"
    "picture} {by|through} {partners|colleagues} {based in|working in} the {hub|unit}.",
    "{Thresholds|The criteria} for {referral|sharing information} were {understood|applied} "
    "{differently|unevenly} {between|across} {local authority areas|districts}.",
    "{Managers|Supervisors} in the {hub|unit} {monitored|tracked} {backlogs|queues} {daily|"
    "each morning} {and|then} {moved|reallocated} staff {to meet|in line with} {demand|need}.",
]
INVESTIGATION += [
    "{Officers|Investigators} {used|made use of} {intermediaries|specialist interviewers} "
    "{for|with} children {with|who had} {communication needs|learning difficulties}.",
    "{Digital|Mobile phone} {evidence|devices} {waited|remained} {weeks|months} for "
    "{examination|analysis}, {delaying|slowing} {some|several} {cases|investigations}.",
    "{Joint|Combined} {visits|investigations} with {social workers|children's services} "
    "{were|had been} {planned|organised} {well|effectively} {where|when} {risk|the danger} was "
    "{clear|obvious}.",
]
DECISION += [
    "{Custody|Charging} {decisions|choices} {took|gave} {proper|due} {account|weight} to the "
    "{age|vulnerability} of {those involved|the people involved}.",
    "{Where|When} {evidence|the available evidence} {was|proved} {insufficient|too weak}, "
    "{officers|investigators} {explained|set out} {the decision|this} to the {family|victim}.",
]
LEADERSHIP += [
    "{A|The} {problem profile|strategic assessment} {on|of} {child abuse|risks to children} "
    "{informed|helped shape} {the force's|its} {priorities|planning}.",
    "{Staff|Officers} {said|told inspectors} {they|that they} {felt|were} {supported|valued} by "
    "{their|immediate} {managers|supervisors}.",
]

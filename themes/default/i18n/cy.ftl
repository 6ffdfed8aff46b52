# Llinynnau rhyngwyneb coursebook: Cymraeg.
# Mae neges y mae ei henw'n dechrau ag n_ yn gyfrif: { $n -> [zero] ... [one] ... [two] ... [few] ... [many] ... *[other] ... }

## Pob tudalen
skip_to_content = Neidio i'r cynnwys
search_label = Chwilio'r cwrs
search_placeholder = Chwilio
contents = Cynnwys
now_and_next = Nawr a nesaf
participant_edition = Fersiwn y cyfranogwyr
participant_edition_note = y cwrs fel y mae'r cyfranogwyr yn ei weld: amserlen, sesiynau, cwestiynau trafod a thaflen
programmes = Rhaglenni
made_with = Gwnaed gyda coursebook
breadcrumb = Briwsion bara
home = Hafan
on_this_page = Ar y dudalen hon
for_trainers_only = I hyfforddwyr yn unig
trainer_note = Nodyn i'r hyfforddwr
trainer = Hyfforddwr
previous = Blaenorol
next = Nesaf
previous_and_next = Y sesiwn flaenorol a'r nesaf

## Tudalen 404
page_not_found = Heb ddod o hyd i'r dudalen
not_found_text = Does dim tudalen yn y cyfeiriad hwn. Efallai iddi symud pan ailadeiladwyd y cwrs.
go_home = Mynd i'r hafan

## Hafan a rhaglenni
upcoming_deliveries = Cyflwyniadau i ddod
no_programmes = Dim rhaglenni eto: ychwanegwch ffolder ag index.md ynddo o dan ffolder y cynnwys.
dates = Dyddiadau
venue = Lleoliad
for_whom = Ar gyfer
days = Diwrnodau
authors = Awduron
contact_time = Amser cyswllt
n_days = { $n ->
    [zero] Dim diwrnodau
    [one] Un diwrnod
    [two] Dau ddiwrnod
    [few] Tri diwrnod
    [many] Chwe diwrnod
   *[other] { $n } diwrnod
}
n_contact = { $time } mewn { $n } sesiwn
n_sessions = { $n ->
    [zero] dim sesiynau
    [one] un sesiwn
    [two] dwy sesiwn
    [few] tair sesiwn
    [many] chwe sesiwn
   *[other] { $n } sesiwn
}
when_and_where = Pryd a ble
from_to = { $start } tan { $end }
at_venue = Yn { $venue }.
what_to_bring = Beth i ddod gyda chi
before_you_come = Cyn i chi ddod
before_the_programme = Cyn y rhaglen
timetable = Amserlen
discussion_prompts = Cwestiynau trafod
prompt_cards = Cardiau trafod
materials = Deunyddiau
materials_and_pack_lists = Deunyddiau a rhestrau pacio
themes = Themâu
evaluation_form = Ffurflen werthuso
action_plan_sheet = Taflen cynllun gweithredu
your_action_plan_sheet = Eich taflen cynllun gweithredu
participant_handout = Taflen y cyfranogwyr
your_handout = Eich taflen
print_programme = Argraffu'r rhaglen
for_the_trainer = I'r hyfforddwr
run_sheet = Taflen rhedeg
run_sheets = Taflenni rhedeg
run_sheet_for = Taflen rhedeg ar gyfer { $day }
signin_sheet = Taflen gofrestru
signin_sheets = Taflenni cofrestru
signin_sheet_for = Taflen gofrestru ar gyfer { $day }
post_box_summary = Crynodeb y blwch post
days_at_a_glance = Y diwrnodau ar gip
deliveries = Cyflwyniadau
programme_timetable = Amserlen y rhaglen
letters = Llythyrau
notes = Nodiadau
about_programme = Am y rhaglen

## Amserlenni
time = Amser
session = Sesiwn
format = Fformat
length = Hyd
n_day_caption = { $day }: { $start } tan { $end }, { $n } sesiwn
day_ends_at = Mae'r diwrnod yn gorffen am { $time }
add_to_calendar = Ychwanegu at y calendr (.ics)
download_csv = Lawrlwytho fel CSV
free_time = Amser rhydd
day_n = Diwrnod { $n }

## Cyflwyniadau
participants = Cyfranogwyr
n_expected = { $n } yn ddisgwyliedig
times = Amseroedd
trainers = Hyfforddwyr
joining_details = Manylion ymuno

## Tudalennau sesiwn
print_session = Argraffu'r sesiwn hon
objectives = Amcanion
same_as = Rhedwch y sesiwn hon yn yr un ffordd â:
threads = Edafedd
produces = Yn cynhyrchu “{ $thread }”.
produces_used_in = Yn cynhyrchu “{ $thread }”, a ddefnyddir wedyn yn:
uses = Yn defnyddio “{ $thread }”.
uses_from = Yn defnyddio “{ $thread }”, o:
repeated_in = Yn cael ei hailadrodd yn:
see_also = Gweler hefyd:

## Cwestiynau, cardiau, deunyddiau, themâu
prompts_lead = Pob cwestiwn trafod yn { $programme }, fesul diwrnod a sesiwn, yn barod i'w argraffu. I'w taflunio neu eu pinio ar y wal, defnyddiwch y cardiau trafod:
print_prompts = Argraffu'r cwestiynau
no_prompts = Does gan yr un sesiwn gwestiynau trafod eto. Ychwanegwch prompts: at flaen-ddeunydd sesiwn, neu alwad [!PROMPTS].
cards_lead = Pob cwestiwn trafod yn { $programme } ar ei gerdyn ei hun, yn ddigon mawr i'w daflunio neu ei binio ar y wal. Wedi'i argraffu, mae pob cerdyn yn llenwi tudalen A4 ar ei hyd.
show_one_at_a_time = Dangos un ar y tro
print_cards = Argraffu'r cardiau
all_cards = Pob cerdyn
materials_and_pack_list = Deunyddiau a rhestr bacio
materials_lead = Beth i'w bacio bob dydd, pob eitem unwaith, gyda'r sesiynau sydd ei hangen. Wedi'i hargraffu, mae pob diwrnod yn rhestr bacio ar dudalen ei hun.
print_pack_lists = Argraffu'r rhestrau pacio
pack_list_for = Rhestr bacio: { $day }
needed_for = ar gyfer
no_materials = Does dim sesiwn yn rhestru deunyddiau eto. Ychwanegwch materials: at flaen-ddeunydd sesiwn.
materials_label = Deunyddiau:
themes_lead = Edafedd sy'n rhedeg drwy'r rhaglen, a'r sesiynau sy'n eu cario.

## Taflen ac argraffu
handout = Taflen
handout_hint = Taflen i'r cyfranogwyr: argraffwch hi (A4) neu ei chadw fel PDF o ffenestr argraffu eich porwr.
print_handout = Argraffu'r daflen
the_sessions = Y sesiynau
print = Argraffu
print_hint = Y rhaglen gyfan ar un dudalen, yn nhrefn yr amserlen; mae pob diwrnod yn dechrau ar dudalen newydd wrth argraffu.

## Taflenni rhedeg a chofrestru
print_run_sheet = Argraffu'r daflen rhedeg hon
runsheet_caption = { $day }: amseroedd, sesiynau, deunyddiau, cwestiynau cyntaf, nodiadau a cholofn i'w thicio
first_prompt = Cwestiwn cyntaf
done = Wedi'i wneud
done_for = Wedi'i wneud: { $title }
print_signin_sheet = Argraffu'r daflen gofrestru hon
names_from_list = Enwau o restr
register_hint = Dewiswch restr y cyfranogwyr, wedi'i chadw o Excel neu LibreOffice fel CSV: y golofn “name” (neu'r gyntaf) ac, os oes un, “organisation”. Mae'r enwau'n mynd i resi'r dudalen hon, i'w hargraffu. Dim ond ar y dudalen hon y darllenir y rhestr: does dim yn cael ei anfon i unman na'i gadw, ac mae ail-lwytho'n gwagio'r rhesi.
the_list_csv = Y rhestr (CSV)
clear_names = Clirio'r enwau
signin_caption = Taflen gofrestru ar gyfer { $day }: enw, sefydliad a llofnod
number_short = Rhif
name = Enw
organisation = Sefydliad
signature = Llofnod

## Ffurflen werthuso
evaluation_of = Gwerthuso: { $title }
eval_kept = Caiff yr hyn a lenwch ei gadw ar y ddyfais hon yn unig, felly bydd yma o hyd pan ddewch yn ôl; ni chaiff ei anfon i unman. Cadwch ef fel ffeil i'w gyflwyno, neu argraffwch ef. Mae “Clirio” yn gwagio'r ffurflen ac yn ei anghofio.
eval_how_useful = : pa mor ddefnyddiol, o 1 ({ $low }) i 5 ({ $high })
comments = Sylwadau
comments_on = Sylwadau ar “{ $title }”
print_form = Argraffu'r ffurflen
save_docx = Cadw fel Word (.docx)
save_txt = Cadw fel testun (.txt)
clear = Clirio
eval_blank_docx = y ffurflen wag fel dogfen Word, i'w hargraffu neu ei hanfon.

## Cynllun gweithredu
action_plan = Cynllun gweithredu
print_action_plan = Argraffu'r cynllun gweithredu
my_action_plan = Fy nghynllun gweithredu
date = Dyddiad
plan_intro = Cwblhewch bob datganiad o'ch pwyntiau dysgu, fel y gallwch ddweud, pan ddaw'r daflen hon yn ôl atoch, a ydych wedi'i wneud. Ticiwch y blwch pan fyddwch wedi gwneud.
plan_envelope = Rhowch y daflen hon yn yr amlen rydych wedi'i chyfeirio atoch eich hun a'i rhoi i'r hyfforddwr: caiff ei phostio'n ôl atoch rai wythnosau ar ôl y cwrs.

## Blwch post
post_box_lead_letter = Teipiwch y pwyntiau o'r blwch post o dan y sesiwn lle cawsant eu hysgrifennu, un pwynt i bob llinell, yna cadwch nhw fel y llythyr “{ $letter }”. Geiriau'r grŵp i reolwyr yw'r pwyntiau: nid yw'r dudalen hon yn fersiwn y cyfranogwyr.
post_box_lead_note = Teipiwch y pwyntiau o'r blwch post o dan y sesiwn lle cawsant eu hysgrifennu, un pwynt i bob llinell, yna cadwch nhw fel nodyn i reolwyr. Geiriau'r grŵp i reolwyr yw'r pwyntiau: nid yw'r dudalen hon yn fersiwn y cyfranogwyr.
post_box_sorted_in = Caiff y pwyntiau eu didoli yn:
post_box_points = Pwyntiau o'r blwch post
post_box_note_intro = Yr hyn a ysgrifennodd y cyfranogwyr i'r sefydliad yn ystod y rhaglen, o dan y sesiwn lle gwnaethant ei ysgrifennu. Nid yw unrhyw bwynt yn cael ei briodoli i neb.
kept_on_device = Caiff yr hyn a deipiwch ei gadw ar y ddyfais hon, felly bydd yma o hyd pan ddewch yn ôl; ni chaiff ei anfon i unman. Mae “Clirio” yn gwagio'r blychau ac yn ei anghofio.
prompts_reminder = Cwestiynau, i'ch atgoffa
points_from_session = Pwyntiau o'r sesiwn hon, un i bob llinell
rest_of_note = Gweddill y nodyn
other_blanks_of = Bylchau eraill:
save_note_docx = Cadw'r nodyn fel Word (.docx)
save_note_txt = Cadw'r nodyn fel testun (.txt)

## Llythyrau
letter_post_box_hint = Caiff y pwyntiau o'r blwch post eu teipio, a'r llythyr hwn ei gadw gyda nhw, ar grynodeb y blwch post:
blanks_to_fill = Bylchau i'w llenwi
for_example = er enghraifft “{ $example }”
fill_in_letter = Llenwi'r llythyr
fill_in_certificate = Llenwi'r dystysgrif
letter_kept = Wrth i chi deipio, mae'r llythyr isod yn llenwi. Caiff yr hyn a deipiwch ei gadw ar y ddyfais hon, felly bydd yma o hyd pan ddewch yn ôl; ni chaiff ei anfon i unman. Mae “Clirio” yn gwagio'r blychau ac yn ei anghofio.
letter_date = Dyddiad y llythyr
print_letter = Argraffu'r llythyr
print_certificate = Argraffu'r dystysgrif
the_letter = Y llythyr
the_certificate = Y dystysgrif
one_letter_each = Un llythyr i bob person ar restr
one_certificate_each = Un dystysgrif i bob person ar restr
merge_columns = Dewiswch restr wedi'i chadw o Excel neu LibreOffice fel CSV. Mae ei llinell gyntaf yn enwi colofn i bob bwlch, wrth ei enw neu ei label:
merge_rest = Caiff bwlch heb golofn yn y rhestr ei gymryd o'r ffurflen uchod, yr un fath ym mhob llythyr.
merge_attended = Gyda cholofn “attended”, dim ond y rhesi a farciwyd yn ie (yes, x neu ✓) sy'n cael tystysgrif.
merge_private = Caiff y rhestr ei darllen ar y dudalen hon; does dim yn cael ei anfon i unman.
save_letters_docx = Cadw'r llythyrau fel Word (.zip)
save_letters_txt = Cadw'r llythyrau fel testun (.zip)
the_blank_letter = Y llythyr gwag
blank_docx = Dogfen Word
blank_docx_fields = Dogfen Word; mae'r bylchau'n feysydd cyfuno post
blank_txt = testun plaen
blank_txt_fields = testun plaen, bylchau mewn [cromfachau]
for_site_editors = I olygyddion y wefan: y llinell orchymyn
merge_cli = I wneud un llythyr i bob cyfranogwr o ffolder y wefan:
merge_cli_columns = gyda cholofn i bob bwlch:

## Nawr a nesaf (now.js)
running_now = Yn digwydd nawr
bar_day_starts = Mae { $day } yn dechrau am { $time } gyda { $session }
bar_next_day_starts = Mae { $day } ({ $date }) yn dechrau am { $time } gyda { $session }
bar_ended = Mae'r rhaglen wedi gorffen.
bar_thanks = Diolch am gymryd rhan.
bar_until = { $title } tan { $time }
bar_now_until = Nawr: { $session } tan { $time }
bar_next_at = Nesaf: { $session } am { $time }
bar_day_ends = Mae'r diwrnod yn gorffen am { $time }
running_late = Yn hwyr
running_late_day = Yn hwyr, { $day }
late_reset = Ailosod
late_reset_day = Ailosod: yn ôl ar amser, { $day }
n_late_add = +{ $n } mun
minutes_late = Munudau'n hwyr
late_set = Gosod
n_running_late = { $n } munud yn hwyr
n_ran_late = Roedd { $n } munud yn hwyr
late_from_until = o { $from } tan { $stop }
late_from_to = o { $from } i { $stop }

## Chwilio (search.js)
n_results = { $n ->
    [zero] Dim canlyniadau
    [one] Un canlyniad
    [two] Dau ganlyniad
    [few] Tri chanlyniad
    [many] Chwe chanlyniad
   *[other] { $n } canlyniad
}
n_results_first = { $n } canlyniad, y { $shown } cyntaf yn cael eu dangos
search_loading = Wrthi'n llwytho'r mynegai…
search_none = Dim canlyniadau ar gyfer “{ $query }”

## Cyflwyniadau, enwau, llythyrau o restr
past = Wedi bod
no_upcoming = Dim cyflwyniadau i ddod.
not_utf8 = Nid testun UTF-8 yw'r rhestr: yn Excel, cadwch hi fel “CSV UTF-8 (Comma delimited)”; yn LibreOffice, dewiswch y set nodau Unicode (UTF-8).
n_names_from = { $n ->
    [zero] Dim enwau o { $file }.
    [one] Un enw o { $file }, i'w argraffu.
    [two] Dau enw o { $file }, i'w hargraffu.
    [few] Tri enw o { $file }, i'w hargraffu.
    [many] Chwe enw o { $file }, i'w hargraffu.
   *[other] { $n } enw o { $file }, i'w hargraffu.
}
no_names_in = Dim enwau yn { $file }.
n_letters_from = { $n ->
    [zero] Dim llythyrau o { $file }.
    [one] Un llythyr o { $file }.
    [two] Dau lythyr o { $file }.
    [few] Tri llythyr o { $file }.
    [many] Chwe llythyr o { $file }.
   *[other] { $n } llythyr o { $file }.
}
no_letters_from = Ni wnaed unrhyw lythyrau o { $file }.
list_empty = Mae'r rhestr yn wag: mae ei llinell gyntaf yn enwi'r colofnau, un i bob bwlch.
list_no_rows = Mae gan y rhestr bennawd ond dim rhesi: dim llythyrau i'w gwneud.
n_points_into_note = { $n ->
    [zero] Dim pwyntiau o { $sessions } yn mynd i'r nodyn.
    [one] Bydd un pwynt o { $sessions } yn mynd i'r nodyn.
    [two] Bydd dau bwynt o { $sessions } yn mynd i'r nodyn.
    [few] Bydd tri phwynt o { $sessions } yn mynd i'r nodyn.
    [many] Bydd chwe phwynt o { $sessions } yn mynd i'r nodyn.
   *[other] Bydd { $n } pwynt o { $sessions } yn mynd i'r nodyn.
}

## Teitlau tudalennau
title_timetable = Amserlen: { $programme }
title_prompts = Cwestiynau trafod: { $programme }
title_materials = Deunyddiau: { $programme }
title_cards = Cardiau trafod: { $programme }
title_evaluation = Gwerthuso: { $programme }
title_themes = Themâu: { $programme }
title_action_plan = Cynllun gweithredu: { $programme }
title_print = { $programme } (argraffu)
title_post_box = Crynodeb y blwch post: { $programme }
title_handout = Taflen: { $programme }
title_signin = Taflen gofrestru, { $day }: { $programme }
title_runsheet = Taflen rhedeg, { $day }: { $programme }

## Headings and list items of run and sign-in sheets; the running-late stop
run_sheet_heading = Taflen rhedeg: { $day }
run_sheet_item = Taflen rhedeg, { $day }
signin_sheet_heading = Taflen gofrestru: { $day }
signin_sheet_item = Taflen gofrestru, { $day }
late_stop_fixed = { $title } (wedi'i bennu am { $time })
late_stop_day_end = diwedd y diwrnod ({ $time })

## Ffurflen werthuso: geiriau'r adeiladu
eval_overall = At ei gilydd
eval_intro = Dywedwch wrthym beth oedd eich barn am y cwrs. Mae eich atebion yn ein helpu i'w wella.
eval_intro_rated = Dywedwch wrthym pa mor ddefnyddiol oedd pob sesiwn i'ch gwaith: ticiwch un rhif ar gyfer pob un, o 1 ({ $low }) i 5 ({ $high }), ac ychwanegwch sylw os hoffech. Mae eich atebion yn ein helpu i wella'r cwrs.
eval_scale_words = 1 = { $low }, 5 = { $high }
eval_rating = Sgôr
eval_rating_line = Sgôr ({ $scale }):
eval_low = Ddim yn ddefnyddiol
eval_high = Defnyddiol iawn
eval_question_differently = Beth fyddwch chi'n ei wneud yn wahanol wrth gofnodi?
eval_question_improve = Beth allen ni ei wella?
eval_question_overall = At ei gilydd, pa mor ddefnyddiol oedd y cwrs?

## Cynllun gweithredu: datganiadau diofyn coursebook
plan_statement_1 = Y peth cyntaf y byddaf yn ei wneud yn wahanol yn y gwaith yw
plan_statement_2 = Erbyn diwedd y mis nesaf byddaf wedi
plan_statement_3 = I ddal ati i ddysgu byddaf yn
plan_statement_4 = Y person a all fy helpu gyda hyn yw
plan_statement_5 = Beth allai fy rhwystro, a beth fyddaf yn ei wneud am hynny:

## Fformatau sesiwn, canlyniadau chwilio
format_pairs = Parau
format_small_groups = Grwpiau bach
format_large_group = Grŵp mawr
format_plenary = Sesiwn lawn
format_individual = Unigol
format_presentation = Cyflwyniad
search_prompt_when = Cwestiwn · { $session } · { $when }
search_letter = Llythyr

## Y blociau a'r egwyliau diofyn
block_before_coffee = Cyn coffi
block_after_coffee = Ar ôl coffi
block_after_lunch = Ar ôl cinio
block_after_tea = Ar ôl te
break_coffee = Coffi
break_lunch = Cinio
break_tea = Te

## Deliveries' own pages, translated editions
trainers_list = Hyfforddwyr: { $names }
in_deliveries = Mewn cyflwyniadau
all_deliveries_link = Holl gyflwyniadau'r rhaglen hon
delivery_documents = Llythyrau a ffurflenni ar gyfer y cyflwyniad hwn
certificate_marker = (tystysgrif)
file_as = { $title } fel
blank_form_docx = Ffurflen wag (.docx)
language = Iaith
untranslated_note = Nid yw'r dudalen hon wedi'i chyfieithu eto: fe'i dangosir yn ei hiaith wreiddiol.
letter_for = Ar gyfer { $delivery }
letter_for_dates = Ar gyfer { $delivery }, { $dates }
n_leads_days = { $n ->
    [zero] Diwrnodau { $days }
    [one] Diwrnod { $days }
    [two] Diwrnodau { $days }
    [few] Diwrnodau { $days }
    [many] Diwrnodau { $days }
   *[other] Diwrnodau { $days }
}
leads_block = diwrnod { $day } y rhaglen: { $block }

## The register's pages (coursebook register)
register_attendance = Presenoldeb
register_attendance_title = Presenoldeb: { $programme }
register_signin_title = Taflen gofrestru: { $day }, { $programme }
register_attended = Yn bresennol ({ $n } ar y rhestr)

# A programme on a translated home page that is not translated into its language.
not_translated_yet = Heb ei gyfieithu eto

## Teitlau diofyn y blychau (callouts), fesul marciwr
callout_note = Nodyn
callout_tip = Awgrym
callout_important = Pwysig
callout_warning = Rhybudd
callout_caution = Gofal
callout_prompts = Cwestiynau trafod
callout_trainer = Nodyn i hyfforddwyr
callout_handout = I gyfranogwyr
callout_challenge = Her
callout_solution = Ateb

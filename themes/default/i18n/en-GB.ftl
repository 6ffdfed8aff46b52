# coursebook's interface strings: British English, the reference file.
# To add a language: copy this file to themes/<name>/i18n/<lang>.ftl, translate each
# message (keep the ids and the { $variables }), and set `language` in book.toml.
# A message whose id starts with n_ is a count: { $n -> [one] ... *[other] ... }, with
# the plural categories of the language (CLDR: zero, one, two, few, many, other).

## Every page
skip_to_content = Skip to content
search_label = Search the course
search_placeholder = Search
contents = Contents
now_and_next = Now and next
participant_edition = Participant edition
participant_edition_note = the course as participants see it: timetable, sessions, prompts and handout
programmes = Programmes
made_with = Made with coursebook
breadcrumb = Breadcrumb
home = Home
on_this_page = On this page
for_trainers_only = For trainers only
trainer_note = Trainer note
trainer = Trainer
previous = Previous
next = Next
previous_and_next = Previous and next session

## The 404 page
page_not_found = Page not found
not_found_text = There is no page at this address. It may have moved when the course was rebuilt.
go_home = Go to the home page

## Home and programme pages
upcoming_deliveries = Upcoming deliveries
no_programmes = No programmes yet: add a folder with an index.md under the content directory.
dates = Dates
venue = Venue
for_whom = For
days = Days
authors = Authors
contact_time = Contact time
n_days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
n_contact = { $n ->
    [one] { $time } in { $n } session
   *[other] { $time } in { $n } sessions
}
n_sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
when_and_where = When and where
from_to = { $start } to { $end }
at_venue = At { $venue }.
what_to_bring = What to bring
before_you_come = Before you come
before_the_programme = Before the programme
timetable = Timetable
discussion_prompts = Discussion prompts
prompt_cards = Prompt cards
materials = Materials
materials_and_pack_lists = Materials and pack lists
themes = Themes
evaluation_form = Evaluation form
action_plan_sheet = Action plan sheet
your_action_plan_sheet = Your action plan sheet
participant_handout = Participant handout
your_handout = Your handout
print_programme = Print the programme
for_the_trainer = For the trainer
run_sheet = Run sheet
run_sheets = Run sheets
run_sheet_for = Run sheet for { $day }
signin_sheet = Sign-in sheet
signin_sheets = Sign-in sheets
signin_sheet_for = Sign-in sheet for { $day }
post_box_summary = Post-box summary
days_at_a_glance = Days at a glance
deliveries = Deliveries
programme_timetable = Programme timetable
letters = Letters
notes = Notes
about_programme = About the programme

## Timetables
time = Time
session = Session
format = Format
length = Length
n_day_caption = { $n ->
    [one] { $day }: { $start } to { $end }, { $n } session
   *[other] { $day }: { $start } to { $end }, { $n } sessions
}
day_ends_at = Day ends at { $time }
add_to_calendar = Add to calendar (.ics)
download_csv = Download as CSV
free_time = Free time
day_n = Day { $n }

## Deliveries
participants = Participants
n_expected = { $n ->
    [one] { $n } expected
   *[other] { $n } expected
}
times = Times
trainers = Trainers
joining_details = Joining details

## Session pages
print_session = Print this session
objectives = Objectives
same_as = Run this session the same way as:
threads = Threads
produces = Produces “{ $thread }”.
produces_used_in = Produces “{ $thread }”, used later in:
uses = Uses “{ $thread }”.
uses_from = Uses “{ $thread }”, from:
repeated_in = Repeated in:
see_also = See also:

## Prompts, cards, materials, themes
prompts_lead = Every prompt of { $programme }, by day and session, ready to print. To project them or pin them up, use the prompt cards:
print_prompts = Print the prompts
no_prompts = No session has prompts yet. Add prompts: to a session's front matter, or a [!PROMPTS] callout.
cards_lead = Every discussion prompt of { $programme } on a card of its own, large enough to project or pin up. Printed, each card fills a landscape A4 page.
show_one_at_a_time = Show one at a time
print_cards = Print the cards
all_cards = All cards
materials_and_pack_list = Materials and pack list
materials_lead = What to pack each day, each item once, with the sessions that need it. Printed, each day is a pack list on a page of its own.
print_pack_lists = Print the pack lists
pack_list_for = Pack list: { $day }
needed_for = for
no_materials = No session lists materials yet. Add materials: to a session's front matter.
materials_label = Materials:
themes_lead = Threads that run through the programme, and the sessions that carry them.

## Handout and print
handout = Handout
handout_hint = A handout for participants: print it (A4) or save it as PDF from your browser's print dialogue.
print_handout = Print the handout
the_sessions = The sessions
print = Print
print_hint = The whole programme on one page, in timetable order; each day starts a new printed page.

## Run sheets and sign-in sheets
print_run_sheet = Print this run sheet
runsheet_caption = { $day }: times, sessions, materials, first prompts, notes and a column to tick
first_prompt = First prompt
done = Done
done_for = Done: { $title }
print_signin_sheet = Print this sign-in sheet
names_from_list = Names from a list
register_hint = Choose the participant list, saved from Excel or LibreOffice as CSV: the column “name” (or the first) and, if there is one, “organisation”. The names go into the rows on this page, for printing. The list is read on this page only: nothing is sent anywhere or kept, and a reload empties the rows.
the_list_csv = The list (CSV)
clear_names = Clear the names
signin_caption = Sign-in sheet for { $day }: name, organisation and signature
number_short = No.
name = Name
organisation = Organisation
signature = Signature

## Evaluation form
evaluation_of = Evaluation: { $title }
eval_kept = What you fill in is kept on this device only, so it is still here when you come back; it is never sent anywhere. Save it as a file to hand in, or print it. “Clear” empties the form and forgets it.
eval_how_useful = : how useful, from 1 ({ $low }) to 5 ({ $high })
comments = Comments
comments_on = Comments on “{ $title }”
print_form = Print the form
save_docx = Save as Word (.docx)
save_txt = Save as text (.txt)
clear = Clear
eval_blank_docx = the blank form as a Word document, to print or send.

## Action plan
action_plan = Action plan
print_action_plan = Print the action plan
my_action_plan = My action plan
date = Date
plan_intro = Complete each statement from your learning points, so that when this sheet comes back to you, you can tell whether you have done it. Tick the box when you have.
plan_envelope = Put this sheet in the envelope you have addressed to yourself and hand it to the trainer: it will be posted back to you some weeks after the course.

## Post box
post_box_lead_letter = Type the points from the post box under the session where they were written, one point per line, then save them as the letter “{ $letter }”. The points are the group's words for managers: this page is not in the participants' edition.
post_box_lead_note = Type the points from the post box under the session where they were written, one point per line, then save them as a note for managers. The points are the group's words for managers: this page is not in the participants' edition.
post_box_sorted_in = The points are sorted in:
post_box_points = Points from the post box
post_box_note_intro = What participants wrote for the organisation during the programme, under the session in which they wrote it. No point is attributed to anyone.
kept_on_device = What you type is kept on this device, so it is still here when you come back; it is never sent anywhere. “Clear” empties the boxes and forgets it.
prompts_reminder = Prompts, as a reminder
points_from_session = Points from this session, one per line
rest_of_note = The rest of the note
other_blanks_of = The other blanks of:
save_note_docx = Save the note as Word (.docx)
save_note_txt = Save the note as text (.txt)

## Letters
letter_post_box_hint = The points from the post box are typed, and this letter saved with them, on the post-box summary:
blanks_to_fill = Blanks to fill in
for_example = for example “{ $example }”
fill_in_letter = Fill in the letter
fill_in_certificate = Fill in the certificate
letter_kept = As you type, the letter below fills in. What you type is kept on this device, so it is still here when you come back; it is never sent anywhere. “Clear” empties the boxes and forgets it.
letter_date = Date of the letter
print_letter = Print the letter
print_certificate = Print the certificate
the_letter = The letter
the_certificate = The certificate
one_letter_each = One letter per person on a list
one_certificate_each = One certificate per person on a list
merge_columns = Choose a list saved from Excel or LibreOffice as CSV. Its first line names a column for each blank, by its name or its label:
merge_rest = A blank the list has no column for is taken from the form above, the same in every letter.
merge_attended = With a column “attended”, only the rows marked yes (yes, x or ✓) get a certificate.
merge_private = The list is read on this page; nothing is sent anywhere.
save_letters_docx = Save the letters as Word (.zip)
save_letters_txt = Save the letters as text (.zip)
the_blank_letter = The blank letter
blank_docx = Word document
blank_docx_fields = Word document; the blanks are mail-merge fields
blank_txt = plain text
blank_txt_fields = plain text, blanks in [brackets]
for_site_editors = For site editors: the command line
merge_cli = To make one letter per participant from the site's folder:
merge_cli_columns = with a column per blank:

## Now and next (now.js)
running_now = Running now
bar_day_starts = { $day } starts at { $time } with { $session }
bar_next_day_starts = { $day } ({ $date }) starts at { $time } with { $session }
bar_ended = The programme has ended.
bar_thanks = Thank you for taking part.
bar_until = { $title } until { $time }
bar_now_until = Now: { $session } until { $time }
bar_next_at = Next: { $session } at { $time }
bar_day_ends = The day ends at { $time }
running_late = Running late
running_late_day = Running late, { $day }
late_reset = Reset
late_reset_day = Reset: back on time, { $day }
n_late_add = { $n ->
   *[other] +{ $n } min
}
minutes_late = Minutes late
late_set = Set
n_running_late = { $n ->
   *[other] Running { $n } min late
}
n_ran_late = { $n ->
   *[other] Ran { $n } min late
}
late_from_until = from { $from } until { $stop }
late_from_to = from { $from } to { $stop }

## Search (search.js)
n_results = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
n_results_first = { $n ->
   *[other] { $n } results, first { $shown } shown
}
search_loading = Loading the index…
search_none = No results for “{ $query }”

## Deliveries (deliveries.js), sign-in names (register.js), letters from a list (letter-save.js)
past = Past
no_upcoming = No upcoming deliveries.
not_utf8 = The list is not UTF-8 text: in Excel, save it as “CSV UTF-8 (Comma delimited)”; in LibreOffice, choose the character set Unicode (UTF-8).
n_names_from = { $n ->
    [one] { $n } name from { $file }, for printing.
   *[other] { $n } names from { $file }, for printing.
}
no_names_in = No names in { $file }.
n_letters_from = { $n ->
    [one] { $n } letter from { $file }.
   *[other] { $n } letters from { $file }.
}
no_letters_from = No letters made from { $file }.
list_empty = The list is empty: its first line names the columns, one per blank.
list_no_rows = The list has a header but no rows: no letters to make.
n_points_into_note = { $n ->
    [one] { $n } point from { $sessions } will go into the note.
   *[other] { $n } points from { $sessions } will go into the note.
}

## Page titles (the browser's tab)
title_timetable = Timetable: { $programme }
title_prompts = Discussion prompts: { $programme }
title_materials = Materials: { $programme }
title_cards = Prompt cards: { $programme }
title_evaluation = Evaluation: { $programme }
title_themes = Themes: { $programme }
title_action_plan = Action plan: { $programme }
title_print = { $programme } (print)
title_post_box = Post-box summary: { $programme }
title_handout = Handout: { $programme }
title_signin = Sign-in sheet, { $day }: { $programme }
title_runsheet = Run sheet, { $day }: { $programme }

## Headings and list items of run and sign-in sheets; the running-late stop
run_sheet_heading = Run sheet: { $day }
run_sheet_item = Run sheet, { $day }
signin_sheet_heading = Sign-in sheet: { $day }
signin_sheet_item = Sign-in sheet, { $day }
late_stop_fixed = { $title } (fixed at { $time })
late_stop_day_end = the end of the day ({ $time })

## Evaluation form: the words the build writes (page and Word documents)
eval_overall = Overall
eval_intro = Please tell us what you thought of the course. Your answers help us improve it.
eval_intro_rated = Please tell us how useful each session was for your work: tick one number for each, from 1 ({ $low }) to 5 ({ $high }), and add a comment if you like. Your answers help us improve the course.
eval_scale_words = 1 = { $low }, 5 = { $high }
eval_rating = Rating
eval_rating_line = Rating ({ $scale }):
eval_low = Not useful
eval_high = Very useful
eval_question_differently = What will you do differently in your recording?
eval_question_improve = What could we improve?
eval_question_overall = Overall, how useful was the course?

## Action plan: coursebook's default statements
plan_statement_1 = The first thing I will do differently at work is
plan_statement_2 = By the end of next month I will have
plan_statement_3 = To keep my learning going I will
plan_statement_4 = The person who can help me with this is
plan_statement_5 = What might get in my way, and what I will do about it:

## Session formats (coursebook's keywords), search results
format_pairs = Pairs
format_small_groups = Small groups
format_large_group = Large group
format_plenary = Plenary
format_individual = Individual
format_presentation = Presentation
search_prompt_when = Prompt · { $session } · { $when }
search_letter = Letter

## The default blocks and breaks (when a programme does not set its own)
block_before_coffee = Before coffee
block_after_coffee = After coffee
block_after_lunch = After lunch
block_after_tea = After tea
break_coffee = Coffee
break_lunch = Lunch
break_tea = Tea

## Deliveries' own pages, translated editions
trainers_list = Trainers: { $names }
in_deliveries = In deliveries
all_deliveries_link = All deliveries of this programme
delivery_documents = Letters and forms for this delivery
certificate_marker = (certificate)
file_as = { $title } as
blank_form_docx = Blank form (.docx)
language = Language
untranslated_note = This page is not translated yet: it is shown in its original language.
letter_for = For { $delivery }
letter_for_dates = For { $delivery }, { $dates }
n_leads_days = { $n ->
    [one] Day { $days }
   *[other] Days { $days }
}
leads_block = programme day { $day }: { $block }

## The register's pages (coursebook register)
register_attendance = Attendance
register_attendance_title = Attendance: { $programme }
register_signin_title = Sign-in sheet: { $day }, { $programme }
register_attended = Attended ({ $n } on the list)

# A programme on a translated home page that is not translated into its language.
not_translated_yet = Not translated yet

## Callouts' default titles (a `> [!NOTE]` without a title of its own), by marker
callout_note = Note
callout_tip = Tip
callout_important = Important
callout_warning = Warning
callout_caution = Caution
callout_prompts = Discussion prompts
callout_trainer = Trainer note
callout_handout = For participants
callout_challenge = Challenge
callout_solution = Solution

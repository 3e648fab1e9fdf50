<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Select all {table}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%a %d %b %Y, %H:%M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} ({relative})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{heading}, caption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending for now; nothing is lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue sending where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every recipient not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be sent after every retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid, duplicate or opted-out numbers: never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this campaign?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {count} recipients not sent yet will not get this message. Sends already in progress finish. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: resume to continue sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated completion: {time}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sticky profile: replies to this customer go through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many messages this customer sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the message was accepted, in this computer&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id programs use in the API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the number was not messaged: invalid, duplicate or opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an active package sends Open Chat messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How recipients are spread over the package&apos;s profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat messages one profile may send per hour and per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When Open Chat messages go out, in the package&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices in the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device UUID in the Zentra dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher first in the priority distribution mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of recipients in the weighted and smart modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Falls with failed sends and ban evidence; 100 is healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat messages sent in the last 60 minutes, of the hourly cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat messages sent in the last 24 hours, of the daily cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next send in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time until the next Open Chat message may go out (cooldown, caps or active hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the profile can do right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row in the file or the paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value as given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnPicker</name>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16 (Excel Unicode Text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Arabic (cp1256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Western (cp1252)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO Arabic (iso-8859-6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the numbers from a CSV, TXT or Excel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row is a &amp;header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick when row 1 already holds a recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the text file is encoded; pick another one when letters look garbled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column that holds the phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &amp;column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the whole preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient lists ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column looks like phone numbers: choose the phone column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentBox</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.3gp *.mov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio (*.ogg *.opus *.mp3 *.m4a *.aac *.amr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.txt *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or a public https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway downloads the media from this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Media file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption te&amp;xt (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}: {over} too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>API: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API off: port {port} busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreader cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreader is already running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>(and {count} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Paste the webhook URL from Settings into the Zentra dashboard; customers&apos; messages appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent via {profile} in {ms} ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rerouted: the usual profile could not send, so {profile} now answers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent via {profile}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package and add its WhatsApp devices; customers&apos; messages to them appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by number, profile or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the conversations containing every word typed (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer on the left to read and reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticky profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies go through the profile this customer talks to; when it cannot send, another profile takes over and stays sticky.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer asked to stop: skip this number in every Open Chat message of the package, now and later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift suppression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let Open Chat messages reach this number again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends now through the customer&apos;s profile; no limits or queue apply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversations could not be loaded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talks to {profile}: replies go through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sticky profile yet: the best available one replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppressed: Open Chat messages to this number are skipped. Replies still go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer may have asked to stop. Read their message: if they opted out, suppress the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is suppressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n queued Open Chat message(s) to it were skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{number} will receive Open Chat messages from this package again. Only do this if the customer asked to hear from you again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} can receive Open Chat messages again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxTable</name>
    <message>
        <source>Suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat messages to this number are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer may have asked to stop; open the conversation to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You via {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to {profile}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTable</name>
    <message>
        <source>Select all {table}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools of devices and their sending policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp devices, live limits and health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat: broadcasts and notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply Chat: customers&apos; messages and your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every message and delivery, with export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API, webhook URL, region and theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hint} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending: {processed}/{total} processed, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>{tip} (whole days in this computer&apos;s time zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only messages in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat: campaigns and notifications; Reply Chat: answers to customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to show only messages from this day on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to show only messages up to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves every message matching the filters as a CSV file Excel can open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only deliveries in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see its deliveries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export deliveries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves every delivery of the selected message as a CSV file Excel can open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliveries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package first; its messages and deliveries are logged here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an Open Chat message or answer a customer in the Inbox; every message and each of its deliveries is logged here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: type words to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the rows containing every word typed (loaded rows only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be loaded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No message matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{loaded} of %n delivery(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n delivery(s) to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageEditor</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sticky Open Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed messages are not tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first at once, then longer each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first after {delay}, then longer each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shop Cairo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribution mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly cap per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily cap per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooldown in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shortest gap between two Open Chat messages of one profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending starts at this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending stops at this time; equal to the start means all day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone the active hours are in, e.g. Africa/Cairo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry failed messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again after network errors, timeouts and busy answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First retry delay in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep each recipient on one number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient who already talked to one of the profiles gets Open Chat messages from that profile again: two unknown numbers make people distrust both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: how the package shows in lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;istribution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hourly cap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dail&amp;y cap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Active hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry atte&amp;mpts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry de&amp;lay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the package (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the changes made since the package was loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time zone not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagePicker</name>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Ne&amp;w package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package with its sending policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete packa&amp;ge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A package is a pool of WhatsApp numbers and the rules they send by: caps, pauses and active hours. Create one, then add its profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your first package</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the package “{name}” and its %n profile(s)? Its messages and conversations are deleted with it. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the package “{name}”? Its messages and conversations are deleted with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesTable</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends Open Chat messages and replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends nothing: no Open Chat messages and no replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: sends nothing until it is set active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each profile in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill one profile to its caps, then the next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A random profile for each recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In proportion to each profile&apos;s weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles with the highest priority first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight × health × room left: healthy profiles with room send more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day, {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours}, {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} (crosses midnight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hourly}/h · {daily}/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pause between two messages of one number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pause} between messages per number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each profile may send up to {daily} messages a day and {hourly} an hour; add profiles to this package to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n profile(s) × {daily}/day = up to {pool_daily} messages a day from this package, at most {pool_hourly} an hour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageActions</name>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>This computer has no keyring to keep Spreader&apos;s vault key in (on Linux, installing GNOME Keyring or KWallet provides one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase to protect your devices&apos; tokens. You will type it each time Spreader starts; without it the saved tokens cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase that protects your devices&apos; tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stronger passphrase: see the advice above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Estimated completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) over {profiles}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{plan}; {skipped}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{plan}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n recipient(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Estimated completion: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) cannot be planned: no profile can send.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device status: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway does not offer a status check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health {score} of 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sales phone 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device&apos;s UUID, as shown in the Zentra dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The x-api-token of the Zentra account this device is in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API token from the Zentra dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher sends first in the priority distribution mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of recipients in the weighted and smart modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number&apos;s own cap per 24 hours; the package&apos;s daily cap applies too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} (keep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device UUID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the current token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the saved token and device with the gateway; save a new token first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile first, then test its connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a WhatsApp number to this package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tive on/off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the selected profile active or inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a package first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles belong to a package, which sets how fast and when they may send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles in this package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile is one WhatsApp number connected to Zentra. Add its device UUID and API token to start sending through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set ac&amp;tive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live limits are not updating: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile “{name}” and its stored token? Messages it sent stay in the log. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesTable</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooling down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside active hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can send an Open Chat message now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: the pause between messages, or the device is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hourly or daily cap is used up; room frees as time passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the package&apos;s active hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely banned; select it to see why and how to bring it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set inactive: it sends nothing until set active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}&#xa0;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}&#xa0;min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}&#xa0;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} of {cap} Open Chat messages in the last 60 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used} of {cap} Open Chat messages in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health {score} of 100</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonPanel</name>
    <message>
        <source>Why this profile is not sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set active again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears the block or pause; do this once the cause above is fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste &amp;numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a file (CSV, TXT, XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number per line, or separated by commas, e.g. +20 106 618 3456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter country code used for numbers written without + and a country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers without a country code (like 0106 618 3456) are read as numbers of this country. Leave it empty to accept only numbers with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out or suppressed in this package: never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ow rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row that will not be messaged, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export re&amp;jected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rejected rows and reasons as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the numbers or import a file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide rejected rows ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sh&amp;ow rejected rows ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to {file}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsTable</name>
    <message>
        <source>Same number as row {row} ({number}); sent once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} opted out or is suppressed in this package; it is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scientific notation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drip interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages go out through the profiles of a package: create one, add a profile, then come back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the recipients and plan the sending (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the previewed message (Ctrl+Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the plan, then send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the plan, then send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send this message to %n recipient(s) through {profiles}?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Send this message?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message changed: preview it again before sending.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>None: international numbers only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the address, port, gateway URL and language apply after Spreader restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts back the saved values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the changed settings (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>127.0.0.1 accepts programs on this computer only; 0.0.0.0 accepts the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the API key to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a new key; programs using the old one are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs send the key in the X-API-Key header or as a Bearer token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the webhook URL to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a new secret URL; the old one stops working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste this URL into the Zentra dashboard so customers&apos; messages reach the Inbox. Zentra must be able to reach this address from the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending and appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers written without + and a country code are read as numbers of this country. Empty: every number must be international.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window; right to left for Arabic. Applies on restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Zentra API base URL; change it only if Zentra says so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the database, logs and settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &amp;region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL copied: paste it into the Zentra dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {folder}; open it in your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the API key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs using the old key will be refused from now on, until you give them the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key saved: give it to the programs that use Spreader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new webhook URL?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current URL stops working at once: customers&apos; messages are not received until you paste the new URL into the Zentra dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New webhook URL saved: paste it into the Zentra dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimingBox</name>
    <message>
        <source>Start now and send as fast as the package&apos;s limits allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start after this package&apos;s earlier Open Chat work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to one recipient every few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread evenly over the remaining active hours, with human-like pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drip interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between two recipients (drip only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the campaign until this local date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waiting strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drip interval:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Spreader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign: {processed}/{total} processed, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreader — {progress}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sent} of {total} sent, {failed} failed ({status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device looks banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device cannot send right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Replies to customers still go out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending slowed down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} The blocked device&apos;s recipients are held until you release them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply Chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

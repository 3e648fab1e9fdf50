<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Select all {table}</source>
        <translation>تحديد الكل في {table}</translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation>مسح {field}</translation>
    </message>
</context>
<context>
    <name>CampaignDeliveries</name>
    <message>
        <source>Deliveries of this campaign</source>
        <translation>عمليات تسليم هذه الحملة</translation>
    </message>
    <message>
        <source>Choose a recipient to read why.</source>
        <translation>اختر مستلمًا لتقرأ السبب.</translation>
    </message>
    <message>
        <source>Why this delivery</source>
        <translation>سبب عملية التسليم هذه</translation>
    </message>
    <message>
        <source>The first {shown} of {total} recipients; the Messages page lists them all.</source>
        <translation>أول {shown} من {total} مستلم؛ صفحة الرسائل تعرضهم جميعًا.</translation>
    </message>
    <message>
        <source>Why? {recipient}</source>
        <translation>لماذا؟ {recipient}</translation>
    </message>
    <message>
        <source>Not explained yet.</source>
        <translation>لا تفسير بعد.</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <source>Scheduled</source>
        <translation>مجدولة</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>اكتملت</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشلت</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>أُلغيت</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>أقل من دقيقة</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} يوم {hours} ساعة</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} يوم</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ساعة {minutes} دقيقة</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ساعة</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} دقيقة</translation>
    </message>
    <message>
        <source>%a %d %b %Y, %H:%M</source>
        <translation>%Y-%m-%d %H:%M</translation>
    </message>
    <message>
        <source>now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>in {duration}</source>
        <translation>بعد {duration}</translation>
    </message>
    <message>
        <source>{time} ({relative})</source>
        <translation>{time} ({relative})</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
    <message>
        <source>{type}: {file}</source>
        <translation>{type}: {file}</translation>
    </message>
    <message>
        <source>{heading}, caption:</source>
        <translation>{heading}، التعليق:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>الحملة</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <source>Campaign status</source>
        <translation>حالة الحملة</translation>
    </message>
    <message>
        <source>Recipients processed</source>
        <translation>المستلمون الذين تمت معالجتهم</translation>
    </message>
    <message>
        <source>%v of %m processed</source>
        <translation>تمت معالجة %v من %m</translation>
    </message>
    <message>
        <source>Estimated completion</source>
        <translation>الانتهاء المتوقع</translation>
    </message>
    <message>
        <source>Waiting recipients by reason</source>
        <translation>المستلمون المنتظرون حسب السبب</translation>
    </message>
    <message>
        <source>What the recipients not sent yet wait for; Deliveries says why for each</source>
        <translation>ما ينتظره المستلمون الذين لم يُرسل إليهم بعد؛ زر عمليات التسليم يبيّن السبب لكل واحد</translation>
    </message>
    <message>
        <source>&amp;Deliveries and why</source>
        <translation>عمليات التسليم وأسبابها (&amp;D)</translation>
    </message>
    <message>
        <source>Each recipient&apos;s local time, and why they were sent then or still wait</source>
        <translation>الوقت المحلي لكل مستلم، ولماذا أُرسل إليه في ذلك الوقت أو لماذا ما زال ينتظر</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>إيقاف مؤقت (&amp;P)</translation>
    </message>
    <message>
        <source>Stop sending for now; nothing is lost</source>
        <translation>أوقف الإرسال الآن؛ لن يضيع شيء</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>استئناف (&amp;R)</translation>
    </message>
    <message>
        <source>Continue sending where it stopped</source>
        <translation>تابع الإرسال من حيث توقف</translation>
    </message>
    <message>
        <source>&amp;Cancel campaign…</source>
        <translation>إلغاء الحملة (&amp;C)…</translation>
    </message>
    <message>
        <source>Cancel every recipient not sent yet</source>
        <translation>ألغِ الإرسال لكل مستلم لم تصله الرسالة بعد</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>رسالة جديدة (&amp;N)</translation>
    </message>
    <message>
        <source>Back to the composer</source>
        <translation>العودة إلى محرر الرسالة</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Accepted by the gateway</source>
        <translation>قبلتها البوابة</translation>
    </message>
    <message>
        <source>Could not be sent after every retry</source>
        <translation>تعذّر إرسالها بعد كل المحاولات</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تم تخطيها</translation>
    </message>
    <message>
        <source>Invalid, duplicate or opted-out numbers: never sent</source>
        <translation>أرقام غير صالحة أو مكررة أو ألغت الاشتراك: لا تُرسل إليها أبدًا</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>محتجزة</translation>
    </message>
    <message>
        <source>Kept back after a device was banned: sent only when you release them</source>
        <translation>مُحتجزة بعد حظر جهاز: لا تُرسل إلا عندما تطلقها</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}:</translation>
    </message>
    <message>
        <source>Save as te&amp;mplate…</source>
        <translation>حفظ كقالب (&amp;M)…</translation>
    </message>
    <message>
        <source>Keep this message as a template</source>
        <translation>احتفظ بهذه الرسالة قالبًا</translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation>الحملة {id}</translation>
    </message>
    <message>
        <source>Cancel this campaign?</source>
        <translation>إلغاء هذه الحملة؟</translation>
    </message>
    <message>
        <source>The {count} recipients not sent yet will not get this message. Sends already in progress finish. This cannot be undone.</source>
        <translation>لن تصل هذه الرسالة إلى {count} من المستلمين الذين لم تُرسل إليهم بعد. تكتمل عمليات الإرسال الجارية. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>إلغاء الحملة</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>الحالة: {status}</translation>
    </message>
    <message>
        <source>Finished at {time}.</source>
        <translation>انتهت الساعة {time}.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>انتهت.</translation>
    </message>
    <message>
        <source>Starts at {time}.</source>
        <translation>تبدأ في {time}.</translation>
    </message>
    <message>
        <source>Paused: resume to continue sending.</source>
        <translation>متوقفة مؤقتًا: استأنفها لمتابعة الإرسال.</translation>
    </message>
    <message>
        <source>Estimated completion: {time}.</source>
        <translation>الانتهاء المتوقع: {time}.</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>Sends at, their time</source>
        <translation>يُرسل في، بتوقيته</translation>
    </message>
    <message>
        <source>When the plan sends to the recipient, on their own clock: quiet hours keep it inside their day</source>
        <translation>متى ترسل الخطة إلى المستلم، بتوقيته هو: ساعات الهدوء تُبقيها ضمن نهاره</translation>
    </message>
    <message>
        <source>The sticky profile: replies to this customer go through it</source>
        <translation>الحساب الثابت: الردود على هذا العميل تُرسل من خلاله</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>آخر رسالة</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>How many messages this customer sent</source>
        <translation>عدد الرسائل التي أرسلها هذا العميل</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>تنبيهات</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>When the message was accepted, in this computer&apos;s time zone</source>
        <translation>وقت قبول الرسالة، بالمنطقة الزمنية لهذا الكمبيوتر</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشلت</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تم تخطيها</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>انتهت</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>معرّف الرسالة</translation>
    </message>
    <message>
        <source>The id programs use in the API</source>
        <translation>المعرّف الذي تستخدمه البرامج في واجهة API</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>المستلم</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>لماذا؟</translation>
    </message>
    <message>
        <source>Why this device and this time: which devices could send, the rule that chose one, and what sets the time</source>
        <translation>لماذا هذا الجهاز وهذا الوقت: أي الأجهزة كان بإمكانها الإرسال، والقاعدة التي اختارت أحدها، وما الذي يحدد الوقت</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>المحاولات</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>الخطأ</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>وقت الإرسال</translation>
    </message>
    <message>
        <source>Skip reason</source>
        <translation>سبب التخطي</translation>
    </message>
    <message>
        <source>Why the number was not messaged: invalid, duplicate or opted out</source>
        <translation>لماذا لم يُراسَل الرقم: غير صالح أو مكرر أو ألغى الاشتراك</translation>
    </message>
    <message>
        <source>Own text</source>
        <translation>النص الخاص</translation>
    </message>
    <message>
        <source>The text this recipient got when the message was personalised; empty: the message&apos;s own text</source>
        <translation>النص الذي تلقاه هذا المستلم عند تخصيص الرسالة؛ وإن كان فارغًا فقد تلقى نص الرسالة نفسه</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Only an active package sends Open Chat messages</source>
        <translation>الباقة النشطة وحدها ترسل رسائل الإرسال المفتوح</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>التوزيع</translation>
    </message>
    <message>
        <source>How recipients are spread over the package&apos;s profiles</source>
        <translation>كيف يُوزَّع المستلمون على حسابات الباقة</translation>
    </message>
    <message>
        <source>Caps per profile</source>
        <translation>الحدود لكل حساب</translation>
    </message>
    <message>
        <source>Open Chat messages one profile may send per hour and per day</source>
        <translation>عدد رسائل الإرسال المفتوح المسموح بها لحساب واحد في الساعة وفي اليوم</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <source>When Open Chat messages go out, in the package&apos;s time zone</source>
        <translation>متى تُرسل رسائل الإرسال المفتوح، بالمنطقة الزمنية للباقة</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <source>Devices in the package</source>
        <translation>الأجهزة في الباقة</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>The device UUID in the Zentra dashboard</source>
        <translation>معرّف الجهاز (UUID) في لوحة تحكم Zentra</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Higher first in the priority distribution mode</source>
        <translation>الأعلى أولًا في التوزيع حسب الأولوية</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>الوزن</translation>
    </message>
    <message>
        <source>Share of recipients in the weighted and smart modes</source>
        <translation>نصيبه من المستلمين في التوزيع حسب الوزن والتوزيع الذكي</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>السلامة</translation>
    </message>
    <message>
        <source>Falls with failed sends and ban evidence; 100 is healthy</source>
        <translation>تنخفض مع الإرسال الفاشل ومؤشرات الحظر؛ 100 تعني سليمًا</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>آخر ساعة</translation>
    </message>
    <message>
        <source>Open Chat messages sent in the last 60 minutes, of the hourly cap</source>
        <translation>رسائل الإرسال المفتوح في آخر 60 دقيقة، من الحد في الساعة</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>آخر 24 ساعة</translation>
    </message>
    <message>
        <source>Open Chat messages sent in the last 24 hours, of the daily cap</source>
        <translation>رسائل الإرسال المفتوح في آخر 24 ساعة، من الحد اليومي</translation>
    </message>
    <message>
        <source>Next send in</source>
        <translation>الإرسال التالي بعد</translation>
    </message>
    <message>
        <source>Time until the next Open Chat message may go out (cooldown, caps or active hours)</source>
        <translation>الوقت المتبقي حتى يمكن إرسال رسالة الإرسال المفتوح التالية (فترة التهدئة أو الحدود أو ساعات العمل)</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>What the profile can do right now</source>
        <translation>ما يستطيع الحساب فعله الآن</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>التهيئة</translation>
    </message>
    <message>
        <source>New numbers reach a few new people a day, more each good day</source>
        <translation>الأرقام الجديدة تراسل عددًا قليلًا من الأشخاص الجدد يوميًا، ويزيد العدد مع كل يوم جيد</translation>
    </message>
    <message>
        <source>Unanswered (30 days)</source>
        <translation>بلا رد (30 يومًا)</translation>
    </message>
    <message>
        <source>Open Chat messages in 30 days to people who have not written back, of the budget</source>
        <translation>رسائل الإرسال المفتوح خلال 30 يومًا إلى أشخاص لم يردّوا، من الحد المسموح</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Row in the file or the paste</source>
        <translation>رقم الصف في الملف أو في النص الملصق</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>The value as given</source>
        <translation>القيمة كما أُدخلت</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>ما العمل</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>الوقت المحلي</translation>
    </message>
    <message>
        <source>The time now where the recipient lives, as the quiet hours read it</source>
        <translation>الوقت الآن حيث يعيش المستلم، كما تقرؤه ساعات الهدوء</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Zone from</source>
        <translation>مصدر المنطقة</translation>
    </message>
    <message>
        <source>Where the recipient&apos;s zone came from: their number, Spreader&apos;s correction for the country, the country&apos;s default zone, or the package&apos;s zone</source>
        <translation>من أين جاءت منطقة المستلم الزمنية: من رقمه، أو من تصحيح Spreader للبلد، أو من المنطقة الافتراضية للبلد، أو من منطقة الباقة</translation>
    </message>
</context>
<context>
    <name>ColumnPicker</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 مع BOM</translation>
    </message>
    <message>
        <source>UTF-16 (Excel Unicode Text)</source>
        <translation>UTF-16 (نص يونيكود من Excel)</translation>
    </message>
    <message>
        <source>Windows Arabic (cp1256)</source>
        <translation>ويندوز عربي (cp1256)</translation>
    </message>
    <message>
        <source>Windows Western (cp1252)</source>
        <translation>ويندوز غربي (cp1252)</translation>
    </message>
    <message>
        <source>ISO Arabic (iso-8859-6)</source>
        <translation>ISO عربي (iso-8859-6)</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>اختيار ملف (&amp;F)…</translation>
    </message>
    <message>
        <source>Read the numbers from a CSV, TXT or Excel file</source>
        <translation>اقرأ الأرقام من ملف CSV أو TXT أو Excel</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>لم يُختر ملف بعد.</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>جارٍ قراءة الملف</translation>
    </message>
    <message>
        <source>First row is a &amp;header</source>
        <translation>الصف الأول عناوين (&amp;H)</translation>
    </message>
    <message>
        <source>Untick when row 1 already holds a recipient</source>
        <translation>أزل العلامة إذا كان الصف الأول يحتوي على مستلم</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>ترميز النص</translation>
    </message>
    <message>
        <source>How the text file is encoded; pick another one when letters look garbled</source>
        <translation>ترميز الملف النصي؛ اختر ترميزًا آخر إذا ظهرت الحروف مشوهة</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>الترميز (&amp;E):</translation>
    </message>
    <message>
        <source>Phone column</source>
        <translation>عمود الهاتف</translation>
    </message>
    <message>
        <source>The column that holds the phone numbers</source>
        <translation>العمود الذي يحتوي على أرقام الهواتف</translation>
    </message>
    <message>
        <source>Phone &amp;column:</source>
        <translation>عمود الهاتف (&amp;C):</translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation>معاينة الملف</translation>
    </message>
    <message>
        <source>Select the whole preview</source>
        <translation>تحديد المعاينة كلها</translation>
    </message>
    <message>
        <source>Recipient lists ({patterns})</source>
        <translation>قوائم المستلمين ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>استيراد المستلمين</translation>
    </message>
    <message>
        <source>No column looks like phone numbers: choose the phone column.</source>
        <translation>لا يبدو أي عمود كأرقام هواتف: اختر عمود الهاتف.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>جارٍ قراءة {file}…</translation>
    </message>
    <message numerus="yes">
        <source>{file}: %n row(s)</source>
        <translation>
            <numerusform>{file}: لا صفوف</numerusform>
            <numerusform>{file}: صف واحد</numerusform>
            <numerusform>{file}: صفان</numerusform>
            <numerusform>{file}: %n صفوف</numerusform>
            <numerusform>{file}: %n صفًا</numerusform>
            <numerusform>{file}: %n صف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>The gateway offers no status check. Enter your own WhatsApp number to send it a test message instead.</source>
        <translation>لا تتيح البوابة فحصًا للحالة. أدخل رقم واتساب الخاص بك لتُرسل إليه رسالة اختبار بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Enter the device UUID and its API token.</source>
        <translation>أدخل معرّف الجهاز (UUID) ورمز API الخاص به.</translation>
    </message>
    <message>
        <source>the device answers the gateway&apos;s status check</source>
        <translation>يستجيب الجهاز لفحص الحالة من البوابة</translation>
    </message>
    <message>
        <source>Your number: {problem}</source>
        <translation>رقمك: {problem}</translation>
    </message>
    <message>
        <source>it is not a valid WhatsApp number.</source>
        <translation>ليس رقم واتساب صالحًا.</translation>
    </message>
    <message>
        <source>a test message to {phone} was accepted; check it arrived</source>
        <translation>قُبلت رسالة اختبار إلى {phone}؛ تحقّق من وصولها</translation>
    </message>
    <message>
        <source>Connected: {how}.</source>
        <translation>متصل: {how}.</translation>
    </message>
    <message>
        <source>The gateway cannot be reached properly right now. {detail}</source>
        <translation>لا يمكن الوصول إلى البوابة كما ينبغي الآن. {detail}</translation>
    </message>
    <message>
        <source>Cannot send: {outcome}.</source>
        <translation>لا يمكن الإرسال: {outcome}.</translation>
    </message>
</context>
<context>
    <name>ContentBox</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>الصور (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.3gp *.mov)</source>
        <translation>الفيديو (*.mp4 *.3gp *.mov)</translation>
    </message>
    <message>
        <source>Audio (*.ogg *.opus *.mp3 *.m4a *.aac *.amr)</source>
        <translation>الصوت (*.ogg *.opus *.mp3 *.m4a *.aac *.amr)</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.txt *.zip)</source>
        <translation>المستندات (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.txt *.zip)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>نوع الرسالة</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <source>Character count</source>
        <translation>عدد الأحرف</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>ملف الوسائط</translation>
    </message>
    <message>
        <source>A file on this computer</source>
        <translation>ملف على هذا الكمبيوتر</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>استعراض (&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>اختر الملف المراد إرساله</translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation>رابط الوسائط</translation>
    </message>
    <message>
        <source>or a public https:// address</source>
        <translation>أو عنوان https:// عام</translation>
    </message>
    <message>
        <source>The gateway downloads the media from this address</source>
        <translation>تنزّل البوابة الوسائط من هذا العنوان</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>النوع (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Media file:</source>
        <translation>ملف الوسائط (&amp;M):</translation>
    </message>
    <message>
        <source>Media &amp;URL:</source>
        <translation>رابط الوسائط (&amp;U):</translation>
    </message>
    <message>
        <source>Caption te&amp;xt (optional):</source>
        <translation>نص التعليق (اختياري) (&amp;X):</translation>
    </message>
    <message>
        <source>Message te&amp;xt:</source>
        <translation>نص الرسالة (&amp;X):</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} حرفًا</translation>
    </message>
    <message>
        <source>{count}: {over} too many</source>
        <translation>{count}: زيادة {over}</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>API: {address}</source>
        <translation>واجهة API: {address}</translation>
    </message>
    <message>
        <source>API off: port {port} busy</source>
        <translation>واجهة API متوقفة: المنفذ {port} مشغول</translation>
    </message>
    <message>
        <source>Spreader cannot start</source>
        <translation>تعذّر تشغيل Spreader</translation>
    </message>
    <message>
        <source>Start-up error</source>
        <translation>خطأ في التشغيل</translation>
    </message>
    <message>
        <source>Spreader is already running</source>
        <translation>Spreader يعمل بالفعل</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>(and {count} more)</source>
        <translation>(و{count} غيرها)</translation>
    </message>
    <message>
        <source>Spreader</source>
        <translation>Spreader</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>رسالة خطأ</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>{field} {problem}.</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>يجب أن يكون متن الطلب كائن JSON.</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>المتوقَّع كائن</translation>
    </message>
    <message>
        <source>unknown field; expected one of: {names}</source>
        <translation>حقل غير معروف؛ المتوقَّع واحد من: {names}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>مطلوب</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>يجب أن يكون نصًا</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>يجب ألا يكون فارغًا</translation>
    </message>
    <message>
        <source>needs at least {count} characters</source>
        <translation>يحتاج إلى {count} حرفًا على الأقل</translation>
    </message>
    <message>
        <source>is {length} characters long; the limit is {limit}</source>
        <translation>طوله {length} حرفًا، والحد الأقصى {limit}</translation>
    </message>
    <message>
        <source>must be a whole number between {lo} and {hi}</source>
        <translation>يجب أن يكون عددًا صحيحًا بين {lo} و{hi}</translation>
    </message>
    <message>
        <source>is {value}; it must be between {lo} and {hi}</source>
        <translation>قيمته {value}، ويجب أن تكون بين {lo} و{hi}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>يجب أن يكون true أو false</translation>
    </message>
    <message>
        <source>is {value}; use one of: {options}</source>
        <translation>قيمته {value}؛ استخدم واحدًا من: {options}</translation>
    </message>
    <message>
        <source>is {value}; use a 24-hour time like 08:00 or 22:30</source>
        <translation>قيمته {value}؛ استخدم وقتًا بنظام 24 ساعة مثل 08:00 أو 22:30</translation>
    </message>
    <message>
        <source>is {value}; use an IANA time zone such as Africa/Cairo or Asia/Riyadh</source>
        <translation>قيمته {value}؛ استخدم منطقة زمنية من IANA مثل Africa/Cairo أو Asia/Riyadh</translation>
    </message>
    <message>
        <source>needs a time zone offset, e.g. 2025-03-01T09:00:00+02:00 or ...Z</source>
        <translation>يحتاج إلى فرق التوقيت، مثل 2025-03-01T09:00:00+02:00 أو ...Z</translation>
    </message>
    <message>
        <source>is {value}; use an ISO 8601 date-time like 2025-03-01T09:00:00Z</source>
        <translation>قيمته {value}؛ استخدم تاريخًا ووقتًا بصيغة ISO 8601 مثل 2025-03-01T09:00:00Z</translation>
    </message>
    <message>
        <source>{what} has invalid fields: {field} {problem}.</source>
        <translation>في {what} حقول غير صالحة: {field}: {problem}.</translation>
    </message>
    <message>
        <source>{what} has invalid fields: {field} {problem} (and {count} more).</source>
        <translation>في {what} حقول غير صالحة: {field}: {problem} (و{count} غيره).</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>is required for a text message and must not be blank</source>
        <translation>مطلوب للرسالة النصية ويجب ألا يكون فارغًا</translation>
    </message>
    <message>
        <source>is text, but media was given; set type to image, voice, document or video</source>
        <translation>النوع نص، لكن أُرفقت وسائط؛ اجعل النوع image أو voice أو document أو video</translation>
    </message>
    <message>
        <source>is required for a {kind} message (or media_path for a local file)</source>
        <translation>مطلوب لرسالة من نوع {kind} (أو media_path لملف محلي)</translation>
    </message>
    <message>
        <source>give either media_url or media_path, not both</source>
        <translation>أعطِ media_url أو media_path، لا كليهما</translation>
    </message>
    <message>
        <source>must be a public http(s) URL the gateway can fetch</source>
        <translation>يجب أن يكون عنوان http(s) عامًا تستطيع البوابة جلبه</translation>
    </message>
    <message>
        <source>{path} is not a readable file</source>
        <translation>{path} ليس ملفًا يمكن قراءته</translation>
    </message>
    <message>
        <source>The package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>must be a range such as &quot;21:00-09:00&quot;, or null (off)</source>
        <translation>يجب أن يكون مدى مثل &quot;21:00-09:00&quot;، أو null (إيقاف)</translation>
    </message>
    <message>
        <source>{problem}, or null to turn them off</source>
        <translation>{problem}، أو null لإيقافها</translation>
    </message>
    <message>
        <source>must map country codes to zones, e.g. {example}</source>
        <translation>يجب أن يربط رموز الدول بمناطق زمنية، مثل {example}</translation>
    </message>
    <message>
        <source>may hold only letters, digits and . _ : - (the device UUID)</source>
        <translation>لا يقبل إلا الحروف والأرقام و . _ : - (معرّف الجهاز UUID)</translation>
    </message>
    <message>
        <source>must not contain spaces; paste the token exactly</source>
        <translation>يجب ألا يحتوي على مسافات؛ الصق الرمز كما هو</translation>
    </message>
    <message>
        <source>can be set to active or inactive; blocked and cooldown are set by the engine</source>
        <translation>يمكن جعله نشطًا أو غير نشط؛ أما المحظور والاستراحة فيضعهما المحرّك</translation>
    </message>
    <message>
        <source>The profile</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>comes from the template; give either template_id or the content</source>
        <translation>يأتي من القالب؛ أعطِ template_id أو المحتوى، لا كليهما</translation>
    </message>
    <message>
        <source>must be a non-empty list of phone numbers</source>
        <translation>يجب أن يكون قائمة أرقام هواتف غير فارغة</translation>
    </message>
    <message>
        <source>has {count} numbers; the limit is {limit} per message</source>
        <translation>فيه {count} رقمًا، والحد {limit} لكل رسالة</translation>
    </message>
    <message>
        <source>is required for the drip strategy (minutes between recipients)</source>
        <translation>مطلوب لطريقة التنقيط (الدقائق بين المستلمين)</translation>
    </message>
    <message>
        <source>must map variable names to texts, e.g. {example}</source>
        <translation>يجب أن يربط أسماء المتغيرات بنصوص، مثل {example}</translation>
    </message>
    <message>
        <source>The Open Chat message</source>
        <translation>رسالة الإرسال المفتوح</translation>
    </message>
    <message>
        <source>The template</source>
        <translation>القالب</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Gateway</name>
    <message>
        <source>Accepted by the gateway.</source>
        <translation>قبلتها البوابة.</translation>
    </message>
    <message>
        <source>The gateway says this device may not send (HTTP {status}).</source>
        <translation>تقول البوابة إن هذا الجهاز ممنوع من الإرسال (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway says this device may not send (HTTP {status}): {reason}</source>
        <translation>تقول البوابة إن هذا الجهاز ممنوع من الإرسال (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway does not know this device (HTTP {status}).</source>
        <translation>لا تعرف البوابة هذا الجهاز (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway does not know this device (HTTP {status}): {reason}</source>
        <translation>لا تعرف البوابة هذا الجهاز (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The device cannot send right now (HTTP {status}): {reason}</source>
        <translation>لا يستطيع الجهاز الإرسال الآن (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>the gateway answered success=false without a reason.</source>
        <translation>ردّت البوابة بـ success=false دون ذكر سبب.</translation>
    </message>
    <message>
        <source>The gateway answered HTTP {status} with {what}, instead of MESSAGE_CREATED; the message may or may not have been sent.</source>
        <translation>ردّت البوابة بـ ⁦HTTP {status}⁩ مع {what} بدلًا من MESSAGE_CREATED؛ ربما أُرسلت الرسالة وربما لا.</translation>
    </message>
    <message>
        <source>a body that is not a JSON object</source>
        <translation>متن ليس كائن JSON</translation>
    </message>
    <message>
        <source>success=true but msg {msg}</source>
        <translation>success=true لكن msg هي {msg}</translation>
    </message>
    <message>
        <source>JSON without a success flag</source>
        <translation>JSON بلا حقل success</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests (HTTP {status}; retry after {seconds} s): {reason}</source>
        <translation>تحدّ البوابة من عدد الطلبات (⁦HTTP {status}⁩؛ أعد المحاولة بعد {seconds} ث): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests (HTTP {status}; retry after {seconds} s).</source>
        <translation>تحدّ البوابة من عدد الطلبات (⁦HTTP {status}⁩؛ أعد المحاولة بعد {seconds} ث).</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests (HTTP {status}): {reason}</source>
        <translation>تحدّ البوابة من عدد الطلبات (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway is rate limiting requests (HTTP {status}).</source>
        <translation>تحدّ البوابة من عدد الطلبات (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway refused the device token (HTTP {status}): {reason}</source>
        <translation>رفضت البوابة رمز الجهاز (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>check the token in the profile settings.</source>
        <translation>تحقّق من الرمز في إعدادات الحساب.</translation>
    </message>
    <message>
        <source>The gateway had a server error (HTTP {status}): {reason}</source>
        <translation>حدث خطأ في خادم البوابة (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway had a server error (HTTP {status}).</source>
        <translation>حدث خطأ في خادم البوابة (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway gave up reading the request (HTTP {status}): {reason}</source>
        <translation>توقّفت البوابة عن قراءة الطلب (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway gave up reading the request (HTTP {status}).</source>
        <translation>توقّفت البوابة عن قراءة الطلب (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway redirected the request (HTTP {status}) to {where}; check the gateway URL in the settings.</source>
        <translation>أعادت البوابة توجيه الطلب (⁦HTTP {status}⁩) إلى {where}؛ تحقّق من عنوان البوابة في الإعدادات.</translation>
    </message>
    <message>
        <source>another address</source>
        <translation>عنوان آخر</translation>
    </message>
    <message>
        <source>The gateway rejected the request (HTTP {status}): {reason}</source>
        <translation>رفضت البوابة الطلب (⁦HTTP {status}⁩): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway rejected the request (HTTP {status}).</source>
        <translation>رفضت البوابة الطلب (⁦HTTP {status}⁩).</translation>
    </message>
    <message>
        <source>The gateway reports the device as {word}.</source>
        <translation>تُبلغ البوابة أن حالة الجهاز «{word}».</translation>
    </message>
    <message>
        <source>The gateway timed out ({error}): {reason}; the message may or may not have been sent.</source>
        <translation>انتهت مهلة البوابة ({error}): «{reason}»؛ ربما أُرسلت الرسالة وربما لا.</translation>
    </message>
    <message>
        <source>The gateway timed out ({error}); the message may or may not have been sent.</source>
        <translation>انتهت مهلة البوابة ({error})؛ ربما أُرسلت الرسالة وربما لا.</translation>
    </message>
    <message>
        <source>The gateway timed out ({error}): {reason}</source>
        <translation>انتهت مهلة البوابة ({error}): «{reason}»</translation>
    </message>
    <message>
        <source>The gateway timed out ({error}).</source>
        <translation>انتهت مهلة البوابة ({error}).</translation>
    </message>
    <message>
        <source>The gateway could not be reached: {reason}</source>
        <translation>تعذّر الوصول إلى البوابة: «{reason}»</translation>
    </message>
    <message>
        <source>The gateway could not be reached.</source>
        <translation>تعذّر الوصول إلى البوابة.</translation>
    </message>
    <message>
        <source>The gateway connection failed ({error}): {reason}; the message may or may not have been sent.</source>
        <translation>فشل الاتصال بالبوابة ({error}): «{reason}»؛ ربما أُرسلت الرسالة وربما لا.</translation>
    </message>
    <message>
        <source>The gateway connection failed ({error}); the message may or may not have been sent.</source>
        <translation>فشل الاتصال بالبوابة ({error})؛ ربما أُرسلت الرسالة وربما لا.</translation>
    </message>
    <message>
        <source>{words}</source>
        <translation>«{words}»</translation>
    </message>
    <message>
        <source>device_unavailable: {detail}</source>
        <translation>الجهاز غير متاح: {detail}</translation>
    </message>
    <message>
        <source>banned: {detail}</source>
        <translation>محظور: {detail}</translation>
    </message>
    <message>
        <source>device_unknown: {detail}</source>
        <translation>جهاز غير معروف: {detail}</translation>
    </message>
    <message>
        <source>auth_error: {detail}</source>
        <translation>رُفض الرمز: {detail}</translation>
    </message>
    <message>
        <source>rate_limited: {detail}</source>
        <translation>تجاوز حد الطلبات: {detail}</translation>
    </message>
    <message>
        <source>transient: {detail}</source>
        <translation>عطل عابر: {detail}</translation>
    </message>
    <message>
        <source>rejected: {detail}</source>
        <translation>مرفوضة: {detail}</translation>
    </message>
</context>
<context>
    <name>HeldNote</name>
    <message>
        <source>Why recipients are held</source>
        <translation>سبب احتجاز المستلمين</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Paste the webhook URL from Settings into the Zentra dashboard; customers&apos; messages appear here.</source>
        <translation>الصق رابط Webhook من الإعدادات في لوحة تحكم Zentra، وستظهر رسائل العملاء هنا.</translation>
    </message>
    <message>
        <source>Sent via {profile} in {ms} ms.</source>
        <translation>أُرسلت عبر {profile} خلال {ms} مللي ثانية.</translation>
    </message>
    <message>
        <source>Rerouted: the usual profile could not send, so {profile} now answers them.</source>
        <translation>أُعيد التوجيه: تعذّر الإرسال من الحساب المعتاد، فأصبح {profile} يرد على هذا العميل.</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>خطأ غير معروف</translation>
    </message>
    <message>
        <source>Not sent via {profile}: {reason}.</source>
        <translation>لم تُرسل عبر {profile}: {reason}.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>صندوق الوارد</translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation>لا توجد باقة بعد</translation>
    </message>
    <message>
        <source>Create a package and add its WhatsApp devices; customers&apos; messages to them appear here.</source>
        <translation>أنشئ باقة وأضف أجهزة واتساب الخاصة بها، وستظهر هنا رسائل العملاء إليها.</translation>
    </message>
    <message>
        <source>Create a package</source>
        <translation>إنشاء باقة</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>لا توجد رسائل بعد</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>فتح الإعدادات</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>تصفية المحادثات</translation>
    </message>
    <message>
        <source>Filter by number, profile or text</source>
        <translation>صفِّ حسب الرقم أو الحساب أو النص</translation>
    </message>
    <message>
        <source>Shows the conversations containing every word typed (Ctrl+F)</source>
        <translation>يعرض المحادثات التي تحتوي على كل كلمة مكتوبة (Ctrl+F)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Choose a conversation</source>
        <translation>اختر محادثة</translation>
    </message>
    <message>
        <source>Select a customer on the left to read and reply.</source>
        <translation>اختر عميلًا من القائمة لقراءة محادثته والرد عليه.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Sticky profile</source>
        <translation>الحساب الثابت</translation>
    </message>
    <message>
        <source>Replies go through the profile this customer talks to; when it cannot send, another profile takes over and stays sticky.</source>
        <translation>تُرسل الردود من الحساب الذي يتحدث معه هذا العميل؛ وإذا تعذّر الإرسال منه يتولى حساب آخر ويصبح هو الثابت.</translation>
    </message>
    <message>
        <source>Opt-out status</source>
        <translation>حالة إلغاء الاشتراك</translation>
    </message>
    <message>
        <source>Suppress this number</source>
        <translation>إيقاف المراسلة لهذا الرقم</translation>
    </message>
    <message>
        <source>The customer asked to stop: skip this number in every Open Chat message of the package, now and later</source>
        <translation>طلب العميل التوقف: تخطَّ هذا الرقم في كل رسائل الإرسال المفتوح للباقة، الآن ولاحقًا</translation>
    </message>
    <message>
        <source>Lift suppression</source>
        <translation>رفع الإيقاف</translation>
    </message>
    <message>
        <source>Let Open Chat messages reach this number again</source>
        <translation>اسمح لرسائل الإرسال المفتوح بالوصول إلى هذا الرقم مرة أخرى</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>اكتب ردًّا… (Ctrl+Enter للإرسال)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>إرسال الرد</translation>
    </message>
    <message>
        <source>Sends now through the customer&apos;s profile; no limits or queue apply (Ctrl+Enter)</source>
        <translation>يُرسل الآن عبر حساب العميل؛ دون حدود أو انتظار (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reply result</source>
        <translation>نتيجة الرد</translation>
    </message>
    <message>
        <source>The conversations could not be loaded: {error}</source>
        <translation>تعذّر تحميل المحادثات: {error}</translation>
    </message>
    <message>
        <source>Talks to {profile}: replies go through it.</source>
        <translation>يتحدث مع {profile}: تُرسل الردود من خلاله.</translation>
    </message>
    <message>
        <source>No sticky profile yet: the best available one replies.</source>
        <translation>لا يوجد حساب ثابت بعد: يرد أفضل حساب متاح.</translation>
    </message>
    <message>
        <source>Suppressed: Open Chat messages to this number are skipped. Replies still go through.</source>
        <translation>موقوف: تُتخطّى رسائل الإرسال المفتوح إلى هذا الرقم. الردود ما زالت تُرسل.</translation>
    </message>
    <message>
        <source>This customer may have asked to stop. Read their message: if they opted out, suppress the number.</source>
        <translation>ربما طلب هذا العميل التوقف. اقرأ رسالته: إن كان قد ألغى الاشتراك فأوقف المراسلة لهذا الرقم.</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>اكتب الرد أولًا.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <source>Not sent: {error}</source>
        <translation>لم تُرسل: {error}</translation>
    </message>
    <message>
        <source>{number} is suppressed.</source>
        <translation>تم إيقاف المراسلة للرقم {number}.</translation>
    </message>
    <message numerus="yes">
        <source>%n queued Open Chat message(s) to it were skipped.</source>
        <translation>
            <numerusform>لم تُتخطَّ أي رسالة إرسال مفتوح منتظرة إليه.</numerusform>
            <numerusform>تم تخطي رسالة إرسال مفتوح واحدة منتظرة إليه.</numerusform>
            <numerusform>تم تخطي رسالتي إرسال مفتوح منتظرتين إليه.</numerusform>
            <numerusform>تم تخطي %n رسائل إرسال مفتوح منتظرة إليه.</numerusform>
            <numerusform>تم تخطي %n رسالة إرسال مفتوح منتظرة إليه.</numerusform>
            <numerusform>تم تخطي %n رسالة إرسال مفتوح منتظرة إليه.</numerusform>
        </translation>
    </message>
    <message>
        <source>{number} will receive Open Chat messages from this package again. Only do this if the customer asked to hear from you again.</source>
        <translation>سيستقبل الرقم {number} رسائل الإرسال المفتوح من هذه الباقة مرة أخرى. لا تفعل ذلك إلا إذا طلب العميل أن تراسله من جديد.</translation>
    </message>
    <message>
        <source>{number} can receive Open Chat messages again.</source>
        <translation>يمكن للرقم {number} استقبال رسائل الإرسال المفتوح مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>InboxTable</name>
    <message>
        <source>Suppressed</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <source>Possible opt-out</source>
        <translation>ربما ألغى الاشتراك</translation>
    </message>
    <message>
        <source>Open Chat messages to this number are skipped.</source>
        <translation>تُتخطّى رسائل الإرسال المفتوح إلى هذا الرقم.</translation>
    </message>
    <message>
        <source>The customer may have asked to stop; open the conversation to decide.</source>
        <translation>ربما طلب العميل التوقف؛ افتح المحادثة لتقرر.</translation>
    </message>
    <message>
        <source>You via {profile}</source>
        <translation>أنت عبر {profile}</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>to {profile}</source>
        <translation>إلى {profile}</translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>the Spreader window (process {pid}, started {when})</source>
        <translation>نافذة Spreader (العملية {pid}، بدأت {when})</translation>
    </message>
    <message>
        <source>spreader serve (process {pid}, started {when})</source>
        <translation>spreader serve (العملية {pid}، بدأت {when})</translation>
    </message>
    <message>
        <source>another Spreader process</source>
        <translation>عملية Spreader أخرى</translation>
    </message>
    <message>
        <source>The data folder {folder} is already used by {who}. Stop that one first, or set {variable} to another folder for this one.</source>
        <translation>مجلد البيانات {folder} مستخدم بالفعل من قِبل {who}. أوقفها أولًا، أو اضبط {variable} على مجلد آخر لهذه العملية.</translation>
    </message>
    <message>
        <source>The lock file in {folder} cannot be written ({error}). Make the data folder writable, or set {variable} to one that is.</source>
        <translation>تعذّرت كتابة ملف القفل في {folder} ({error}). اجعل مجلد البيانات قابلًا للكتابة، أو اضبط {variable} على مجلد قابل لها.</translation>
    </message>
</context>
<context>
    <name>LiveTable</name>
    <message>
        <source>Select all {table}</source>
        <translation>تحديد الكل في {table}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Packages</source>
        <translation>الباقات</translation>
    </message>
    <message>
        <source>Pools of devices and their sending policy</source>
        <translation>مجموعات الأجهزة وسياسة الإرسال الخاصة بها</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <source>WhatsApp devices, live limits and health</source>
        <translation>أجهزة واتساب وحدودها الحالية وسلامتها</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Open Chat: broadcasts and notifications</source>
        <translation>الإرسال المفتوح: الرسائل الجماعية والإشعارات</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>صندوق الوارد</translation>
    </message>
    <message>
        <source>Reply Chat: customers&apos; messages and your answers</source>
        <translation>الردود: رسائل العملاء وإجاباتك</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Every message and delivery, with export</source>
        <translation>كل رسالة وعملية تسليم، مع التصدير</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Local API, webhook URL, region and theme</source>
        <translation>واجهة API المحلية ورابط Webhook والمنطقة والمظهر</translation>
    </message>
    <message>
        <source>Spreader</source>
        <translation>Spreader</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Section content</source>
        <translation>محتوى القسم</translation>
    </message>
    <message>
        <source>{hint} ({shortcut})</source>
        <translation>{hint} ({shortcut})</translation>
    </message>
    <message>
        <source>Local API status</source>
        <translation>حالة واجهة API المحلية</translation>
    </message>
    <message>
        <source>Sending activity</source>
        <translation>نشاط الإرسال</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>خامل</translation>
    </message>
    <message>
        <source>Quit Spreader</source>
        <translation>إنهاء Spreader</translation>
    </message>
    <message>
        <source>{title} page</source>
        <translation>صفحة {title}</translation>
    </message>
    <message>
        <source>Sending: {processed}/{total} processed, {failed} failed</source>
        <translation>الإرسال: تمت معالجة {processed}/{total}، فشل {failed}</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>{tip} (whole days in this computer&apos;s time zone)</source>
        <translation>{tip} (أيام كاملة بالمنطقة الزمنية لهذا الكمبيوتر)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Show only messages in this state</source>
        <translation>اعرض الرسائل في هذه الحالة فقط</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Any mode</source>
        <translation>أي نوع</translation>
    </message>
    <message>
        <source>Open Chat: campaigns and notifications; Reply Chat: answers to customers</source>
        <translation>الإرسال المفتوح: الحملات والإشعارات؛ الردود: الإجابات على العملاء</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>من (&amp;F):</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <source>Tick to show only messages from this day on</source>
        <translation>ضع علامة لعرض الرسائل من هذا اليوم فصاعدًا فقط</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>إلى (&amp;T):</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <source>Tick to show only messages up to this day</source>
        <translation>ضع علامة لعرض الرسائل حتى هذا اليوم فقط</translation>
    </message>
    <message>
        <source>Export messages…</source>
        <translation>تصدير الرسائل…</translation>
    </message>
    <message>
        <source>Saves every message matching the filters as a CSV file Excel can open</source>
        <translation>يحفظ كل رسالة تطابق عوامل التصفية في ملف CSV يفتحه Excel</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>الحالة (&amp;S):</translation>
    </message>
    <message>
        <source>M&amp;ode:</source>
        <translation>النوع (&amp;O):</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>تصفية الرسائل</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>تحميل المزيد</translation>
    </message>
    <message>
        <source>Load more messages</source>
        <translation>تحميل مزيد من الرسائل</translation>
    </message>
    <message>
        <source>Filter deliveries</source>
        <translation>تصفية عمليات التسليم</translation>
    </message>
    <message>
        <source>Delivery status</source>
        <translation>حالة التسليم</translation>
    </message>
    <message>
        <source>Show only deliveries in this state</source>
        <translation>اعرض عمليات التسليم في هذه الحالة فقط</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>عمليات التسليم</translation>
    </message>
    <message>
        <source>Select a message to see its deliveries.</source>
        <translation>اختر رسالة لعرض عمليات تسليمها.</translation>
    </message>
    <message>
        <source>Load more deliveries</source>
        <translation>تحميل مزيد من عمليات التسليم</translation>
    </message>
    <message>
        <source>Export deliveries…</source>
        <translation>تصدير عمليات التسليم…</translation>
    </message>
    <message>
        <source>Saves every delivery of the selected message as a CSV file Excel can open</source>
        <translation>يحفظ كل عمليات تسليم الرسالة المختارة في ملف CSV يفتحه Excel</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>نتيجة التصدير</translation>
    </message>
    <message>
        <source>&amp;Deliveries:</source>
        <translation>عمليات التسليم (&amp;D):</translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation>لا توجد باقة بعد</translation>
    </message>
    <message>
        <source>Create a package first; its messages and deliveries are logged here.</source>
        <translation>أنشئ باقة أولًا؛ تُسجَّل هنا رسائلها وعمليات تسليمها.</translation>
    </message>
    <message>
        <source>Create a package</source>
        <translation>إنشاء باقة</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>لا توجد رسائل بعد</translation>
    </message>
    <message>
        <source>Send an Open Chat message or answer a customer in the Inbox; every message and each of its deliveries is logged here.</source>
        <translation>أرسل رسالة إرسال مفتوح أو رد على عميل في صندوق الوارد؛ تُسجَّل هنا كل رسالة وكل عملية تسليم لها.</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>إرسال رسالة</translation>
    </message>
    <message>
        <source>{name}: type words to find</source>
        <translation>{name}: اكتب كلمات للبحث</translation>
    </message>
    <message>
        <source>Shows the rows containing every word typed (loaded rows only)</source>
        <translation>يعرض الصفوف التي تحتوي على كل كلمة مكتوبة (الصفوف المحمّلة فقط)</translation>
    </message>
    <message>
        <source>The log could not be loaded: {error}</source>
        <translation>تعذّر تحميل السجل: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n message(s)</source>
        <translation>
            <numerusform>{shown} من 0 رسالة</numerusform>
            <numerusform>{shown} من رسالة واحدة</numerusform>
            <numerusform>{shown} من رسالتين</numerusform>
            <numerusform>{shown} من %n رسائل</numerusform>
            <numerusform>{shown} من %n رسالة</numerusform>
            <numerusform>{shown} من %n رسالة</numerusform>
        </translation>
    </message>
    <message>
        <source>No message matches these filters.</source>
        <translation>لا توجد رسالة تطابق عوامل التصفية هذه.</translation>
    </message>
    <message numerus="yes">
        <source>{loaded} of %n delivery(s)</source>
        <translation>
            <numerusform>{loaded} من 0 عملية تسليم</numerusform>
            <numerusform>{loaded} من عملية تسليم واحدة</numerusform>
            <numerusform>{loaded} من عمليتي تسليم</numerusform>
            <numerusform>{loaded} من %n عمليات تسليم</numerusform>
            <numerusform>{loaded} من %n عملية تسليم</numerusform>
            <numerusform>{loaded} من %n عملية تسليم</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>فشل التصدير: {error}</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>تصدير الرسائل</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to {path}.</source>
        <translation>
            <numerusform>لم تُصدَّر أي رسالة إلى {path}.</numerusform>
            <numerusform>صُدِّرت رسالة واحدة إلى {path}.</numerusform>
            <numerusform>صُدِّرت رسالتان إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n رسائل إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n رسالة إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n رسالة إلى {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export deliveries</source>
        <translation>تصدير عمليات التسليم</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n delivery(s) to {path}.</source>
        <translation>
            <numerusform>لم تُصدَّر أي عملية تسليم إلى {path}.</numerusform>
            <numerusform>صُدِّرت عملية تسليم واحدة إلى {path}.</numerusform>
            <numerusform>صُدِّرت عمليتا تسليم إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n عمليات تسليم إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n عملية تسليم إلى {path}.</numerusform>
            <numerusform>صُدِّرت %n عملية تسليم إلى {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>accepted by the gateway</source>
        <translation>قبلتها البوابة</translation>
    </message>
    <message>
        <source>the device is not connected to WhatsApp; scan its QR code in Zentra</source>
        <translation>الجهاز غير متصل بواتساب؛ امسح رمز QR الخاص به في Zentra</translation>
    </message>
    <message>
        <source>Zentra says the device is banned, blocked or its subscription expired</source>
        <translation>تقول Zentra إن الجهاز محظور أو موقوف أو إن اشتراكه انتهى</translation>
    </message>
    <message>
        <source>Zentra does not know this device; check the profile&apos;s device UUID against the Zentra dashboard</source>
        <translation>لا تعرف Zentra هذا الجهاز؛ طابِق معرّف الجهاز (UUID) في الحساب مع لوحة تحكم Zentra</translation>
    </message>
    <message>
        <source>Zentra refused the device&apos;s token; check the profile&apos;s token</source>
        <translation>رفضت Zentra رمز الجهاز؛ تحقّق من رمز الحساب</translation>
    </message>
    <message>
        <source>Zentra asked to slow down; try again in a minute</source>
        <translation>طلبت Zentra الإبطاء؛ حاول مرة أخرى بعد دقيقة</translation>
    </message>
    <message>
        <source>Zentra did not answer properly; the customer may still have received it, so check before sending again</source>
        <translation>لم تُجب Zentra كما ينبغي؛ ربما وصلت الرسالة إلى العميل رغم ذلك، فتحقّق قبل الإرسال مرة أخرى</translation>
    </message>
    <message>
        <source>Zentra refused the message or the recipient</source>
        <translation>رفضت Zentra الرسالة أو المستلم</translation>
    </message>
</context>
<context>
    <name>PackageCounts</name>
    <message numerus="yes">
        <source>%n profile(s) × {daily}/day = up to {pool_daily} messages a day from this package, at most {pool_hourly} an hour.</source>
        <translation>
            <numerusform>0 حساب × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
            <numerusform>حساب واحد × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
            <numerusform>حسابان × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
            <numerusform>%n حسابات × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
            <numerusform>%n حسابًا × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
            <numerusform>%n حساب × {daily} في اليوم = حتى {pool_daily} رسالة في اليوم من هذه الباقة، وبحد أقصى {pool_hourly} في الساعة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageEditor</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>التوزيع</translation>
    </message>
    <message>
        <source>Hourly cap</source>
        <translation>الحد في الساعة</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>الحد اليومي</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>فترة التهدئة</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Retry attempts</source>
        <translation>عدد المحاولات</translation>
    </message>
    <message>
        <source>Retry delay</source>
        <translation>مهلة إعادة المحاولة</translation>
    </message>
    <message>
        <source>Sticky Open Chat</source>
        <translation>الإرسال المفتوح الثابت</translation>
    </message>
    <message>
        <source>Failed messages are not tried again.</source>
        <translation>لا يُعاد إرسال الرسائل الفاشلة.</translation>
    </message>
    <message>
        <source>New package</source>
        <translation>باقة جديدة</translation>
    </message>
    <message>
        <source>Package name</source>
        <translation>اسم الباقة</translation>
    </message>
    <message>
        <source>e.g. Shop Cairo</source>
        <translation>مثال: متجر القاهرة</translation>
    </message>
    <message>
        <source>Package status</source>
        <translation>حالة الباقة</translation>
    </message>
    <message>
        <source>Distribution mode</source>
        <translation>طريقة التوزيع</translation>
    </message>
    <message>
        <source> an hour</source>
        <translation> في الساعة</translation>
    </message>
    <message>
        <source>Hourly cap per profile</source>
        <translation>الحد في الساعة لكل حساب</translation>
    </message>
    <message>
        <source> a day</source>
        <translation> في اليوم</translation>
    </message>
    <message>
        <source>Daily cap per profile</source>
        <translation>الحد اليومي لكل حساب</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>Cooldown in seconds</source>
        <translation>فترة التهدئة بالثواني</translation>
    </message>
    <message>
        <source>The shortest gap between two Open Chat messages of one profile</source>
        <translation>أقصر فاصل بين رسالتي إرسال مفتوح من الحساب نفسه</translation>
    </message>
    <message>
        <source>Active hours start</source>
        <translation>بداية ساعات العمل</translation>
    </message>
    <message>
        <source>Sending starts at this time</source>
        <translation>يبدأ الإرسال في هذا الوقت</translation>
    </message>
    <message>
        <source>Active hours end</source>
        <translation>نهاية ساعات العمل</translation>
    </message>
    <message>
        <source>Sending stops at this time; equal to the start means all day</source>
        <translation>يتوقف الإرسال في هذا الوقت؛ إذا ساوى البداية فالإرسال طوال اليوم</translation>
    </message>
    <message>
        <source>The zone the active hours are in, e.g. Africa/Cairo</source>
        <translation>المنطقة الزمنية لساعات العمل، مثل Africa/Cairo</translation>
    </message>
    <message>
        <source>&amp;Retry failed messages</source>
        <translation>إعادة محاولة الرسائل الفاشلة (&amp;R)</translation>
    </message>
    <message>
        <source>Retry failed messages</source>
        <translation>إعادة محاولة الرسائل الفاشلة</translation>
    </message>
    <message>
        <source>Try again after network errors, timeouts and busy answers</source>
        <translation>أعد المحاولة بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> مللي ثانية</translation>
    </message>
    <message>
        <source>First retry delay in milliseconds</source>
        <translation>مهلة المحاولة الأولى بالمللي ثانية</translation>
    </message>
    <message>
        <source>&amp;Keep each recipient on one number</source>
        <translation>إبقاء كل مستلم على رقم واحد (&amp;K)</translation>
    </message>
    <message>
        <source>A recipient who already talked to one of the profiles gets Open Chat messages from that profile again: two unknown numbers make people distrust both</source>
        <translation>المستلم الذي تحدث سابقًا مع أحد الحسابات يتلقى رسائل الإرسال المفتوح من الحساب نفسه: رقمان مجهولان يجعلان الناس يرتابون في كليهما</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم (&amp;N):</translation>
    </message>
    <message>
        <source>Required: how the package shows in lists.</source>
        <translation>مطلوب: هكذا تظهر الباقة في القوائم.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>الوصف (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>الحالة (&amp;S):</translation>
    </message>
    <message>
        <source>D&amp;istribution:</source>
        <translation>التوزيع (&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Hourly cap:</source>
        <translation>الحد في الساعة (&amp;H):</translation>
    </message>
    <message>
        <source>Dail&amp;y cap:</source>
        <translation>الحد اليومي (&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation>فترة التهدئة (&amp;C):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>&amp;Active hours:</source>
        <translation>ساعات العمل (&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>المنطقة الزمنية (&amp;T):</translation>
    </message>
    <message>
        <source>Retry atte&amp;mpts:</source>
        <translation>عدد المحاولات (&amp;M):</translation>
    </message>
    <message>
        <source>Retry de&amp;lay:</source>
        <translation>مهلة إعادة المحاولة (&amp;L):</translation>
    </message>
    <message>
        <source>Customer&apos;s quiet hours:</source>
        <translation>ساعات هدوء العميل:</translation>
    </message>
    <message>
        <source>Country &amp;zones:</source>
        <translation>مناطق البلدان (&amp;Z):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save package</source>
        <translation>حفظ الباقة</translation>
    </message>
    <message>
        <source>Save the package (Ctrl+S)</source>
        <translation>احفظ الباقة (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Revert changes</source>
        <translation>التراجع عن التغييرات</translation>
    </message>
    <message>
        <source>Undo the changes made since the package was loaded</source>
        <translation>تراجع عن التغييرات منذ تحميل الباقة</translation>
    </message>
    <message>
        <source>time zone not set</source>
        <translation>المنطقة الزمنية غير محددة</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>ساعات الهدوء</translation>
    </message>
    <message>
        <source>Country zones</source>
        <translation>مناطق البلدان</translation>
    </message>
    <message>
        <source>{field}: {problem}.</source>
        <translation>{field}: {problem}.</translation>
    </message>
    <message>
        <source>Time zone of the country</source>
        <translation>المنطقة الزمنية للبلد</translation>
    </message>
</context>
<context>
    <name>PackagePicker</name>
    <message>
        <source>Package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation>الباقة (&amp;P):</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Ne&amp;w package</source>
        <translation>باقة جديدة (&amp;W)</translation>
    </message>
    <message>
        <source>Create a package with its sending policy</source>
        <translation>أنشئ باقة مع سياسة الإرسال الخاصة بها</translation>
    </message>
    <message>
        <source>Delete packa&amp;ge…</source>
        <translation>حذف الباقة (&amp;G)…</translation>
    </message>
    <message>
        <source>Delete the selected package</source>
        <translation>احذف الباقة المختارة</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>الباقات</translation>
    </message>
    <message>
        <source>Package editor</source>
        <translation>محرر الباقة</translation>
    </message>
    <message>
        <source>No packages yet</source>
        <translation>لا توجد باقات بعد</translation>
    </message>
    <message>
        <source>A package is a pool of WhatsApp numbers and the rules they send by: caps, pauses and active hours. Create one, then add its profiles.</source>
        <translation>الباقة مجموعة من أرقام واتساب والقواعد التي ترسل بها: الحدود والفواصل وساعات العمل. أنشئ باقة ثم أضف حساباتها.</translation>
    </message>
    <message>
        <source>Create your first package</source>
        <translation>أنشئ باقتك الأولى</translation>
    </message>
    <message numerus="yes">
        <source>Delete the package “{name}” and its %n profile(s)? Its messages and conversations are deleted with it. This cannot be undone.</source>
        <translation>
            <numerusform>حذف الباقة «{name}»؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>حذف الباقة «{name}» وحسابها الوحيد؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>حذف الباقة «{name}» وحسابيها؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>حذف الباقة «{name}» وحساباتها الـ %n؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>حذف الباقة «{name}» وحساباتها الـ %n؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
            <numerusform>حذف الباقة «{name}» وحساباتها الـ %n؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the package “{name}”? Its messages and conversations are deleted with it. This cannot be undone.</source>
        <translation>حذف الباقة «{name}»؟ تُحذف معها رسائلها ومحادثاتها. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Delete package</source>
        <translation>حذف الباقة</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>PackagesTable</name>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>معلّق</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>بالتناوب</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>بالتتابع</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>عشوائي</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>حسب الوزن</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Smart</source>
        <translation>ذكي</translation>
    </message>
    <message>
        <source>Sends Open Chat messages and replies.</source>
        <translation>ترسل رسائل الإرسال المفتوح والردود.</translation>
    </message>
    <message>
        <source>Sends nothing: no Open Chat messages and no replies.</source>
        <translation>لا ترسل شيئًا: لا رسائل إرسال مفتوح ولا ردود.</translation>
    </message>
    <message>
        <source>Held: sends nothing until it is set active again.</source>
        <translation>معلّقة: لا ترسل شيئًا حتى تُفعَّل من جديد.</translation>
    </message>
    <message>
        <source>Each profile in turn.</source>
        <translation>كل حساب بدوره.</translation>
    </message>
    <message>
        <source>Fill one profile to its caps, then the next.</source>
        <translation>املأ حسابًا حتى حدوده ثم انتقل إلى التالي.</translation>
    </message>
    <message>
        <source>A random profile for each recipient.</source>
        <translation>حساب عشوائي لكل مستلم.</translation>
    </message>
    <message>
        <source>In proportion to each profile&apos;s weight.</source>
        <translation>بنسبة وزن كل حساب.</translation>
    </message>
    <message>
        <source>Profiles with the highest priority first.</source>
        <translation>الحسابات ذات الأولوية الأعلى أولًا.</translation>
    </message>
    <message>
        <source>Weight × health × room left: healthy profiles with room send more.</source>
        <translation>الوزن × السلامة × المتبقي من الحد: الحسابات السليمة التي لديها متسع ترسل أكثر.</translation>
    </message>
    <message>
        <source>All day, {zone}</source>
        <translation>طوال اليوم، {zone}</translation>
    </message>
    <message>
        <source>{hours}, {zone}</source>
        <translation>{hours}، {zone}</translation>
    </message>
    <message>
        <source>{hours} (crosses midnight)</source>
        <translation>{hours} (يتجاوز منتصف الليل)</translation>
    </message>
    <message>
        <source>{hourly}/h · {daily}/day</source>
        <translation>{hourly} في الساعة · {daily} في اليوم</translation>
    </message>
    <message>
        <source>No pause between two messages of one number.</source>
        <translation>لا فاصل بين رسالتين من الرقم نفسه.</translation>
    </message>
    <message>
        <source>{pause} between messages per number.</source>
        <translation>{pause} بين رسائل الرقم الواحد.</translation>
    </message>
    <message>
        <source>Each profile may send up to {daily} messages a day and {hourly} an hour; add profiles to this package to use them.</source>
        <translation>يمكن لكل حساب إرسال حتى {daily} رسالة في اليوم و{hourly} في الساعة؛ أضف حسابات إلى هذه الباقة لاستخدامها.</translation>
    </message>
</context>
<context>
    <name>PageActions</name>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>This computer has no keyring to keep Spreader&apos;s vault key in (on Linux, installing GNOME Keyring or KWallet provides one).</source>
        <translation>لا توجد على هذا الكمبيوتر سلسلة مفاتيح لحفظ مفتاح خزنة Spreader (على لينكس يوفرها تثبيت GNOME Keyring أو KWallet).</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>اختر عبارة مرور</translation>
    </message>
    <message>
        <source>Unlock Spreader</source>
        <translation>فتح Spreader</translation>
    </message>
    <message>
        <source>Choose a passphrase to protect your devices&apos; tokens. You will type it each time Spreader starts; without it the saved tokens cannot be read.</source>
        <translation>اختر عبارة مرور لحماية رموز أجهزتك. ستكتبها في كل مرة يبدأ فيها Spreader؛ وبدونها لا يمكن قراءة الرموز المحفوظة.</translation>
    </message>
    <message>
        <source>Type the passphrase that protects your devices&apos; tokens.</source>
        <translation>اكتب عبارة المرور التي تحمي رموز أجهزتك.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>عبارة المرور مرة أخرى</translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation>نصيحة بشأن عبارة المرور</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>عبارة المرور (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>مرة أخرى (&amp;A):</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>قوية بما يكفي.</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase: see the advice above.</source>
        <translation>اختر عبارة مرور أقوى: راجع النصيحة أعلاه.</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>العبارتان مختلفتان: اكتب العبارة نفسها مرتين.</translation>
    </message>
    <message>
        <source>{problem} Try again.</source>
        <translation>{problem} حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>PersonalBar</name>
    <message>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <source>Fill the message from a saved template</source>
        <translation>املأ الرسالة من قالب محفوظ</translation>
    </message>
    <message>
        <source>Save as te&amp;mplate…</source>
        <translation>حفظ كقالب (&amp;M)…</translation>
    </message>
    <message>
        <source>Keep this message as a template of the package</source>
        <translation>احتفظ بهذه الرسالة قالبًا في الباقة</translation>
    </message>
    <message>
        <source>Variables and variants</source>
        <translation>المتغيرات وصيغ النص</translation>
    </message>
    <message>
        <source>T&amp;emplate:</source>
        <translation>القالب (&amp;E):</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>اختر قالبًا…</translation>
    </message>
    <message>
        <source>{{%1}} ← column “%2”</source>
        <translation>{{%1}} من العمود «%2»</translation>
    </message>
    <message>
        <source>{{%1}}: no such column</source>
        <translation>{{%1}}: لا يوجد عمود بهذا الاسم</translation>
    </message>
    <message>
        <source>Variables: %1.</source>
        <translation>المتغيرات: %1.</translation>
    </message>
    <message>
        <source>none (pasted numbers)</source>
        <translation>لا شيء (أرقام ملصقة)</translation>
    </message>
    <message>
        <source>The list&apos;s columns: %1.</source>
        <translation>أعمدة القائمة: %1.</translation>
    </message>
    <message>
        <source>Variants of the text: %1.</source>
        <translation>عدد صيغ النص: %1.</translation>
    </message>
</context>
<context>
    <name>Phones</name>
    <message>
        <source>The phone number is empty: fill it in or remove the row.</source>
        <translation>رقم الهاتف فارغ: اكتبه أو احذف الصف.</translation>
    </message>
    <message>
        <source>Excel scientific notation: digits were lost. Format the column as Text in Excel and export again.</source>
        <translation>صيغة Excel العلمية: ضاعت بعض الأرقام. اجعل تنسيق العمود «نص» في Excel ثم صدّر الملف من جديد.</translation>
    </message>
    <message>
        <source>The number ends in 00000, so Excel probably cut its last digits (it keeps 15, and fewer when a cell showed E+). Format the column as Text in Excel, type or paste the numbers again, and export again.</source>
        <translation>ينتهي الرقم بـ 00000، فالأرجح أن Excel قطع آخر أرقامه (يحتفظ بـ 15 رقمًا، وبأقل إذا عرضت الخلية E+). اجعل تنسيق العمود «نص» في Excel، واكتب الأرقام أو الصقها من جديد، ثم صدّر الملف مرة أخرى.</translation>
    </message>
    <message>
        <source>This is not a phone number: write digits only, with + and the country code (for example {example}).</source>
        <translation>هذا ليس رقم هاتف: اكتب أرقامًا فقط، مع + ورمز الدولة (مثل {example}).</translation>
    </message>
    <message>
        <source>The country code is missing: write the number with + and its country code (for example {example}), or set a default region in the import settings.</source>
        <translation>رمز الدولة ناقص: اكتب الرقم مع + ورمز دولته (مثل {example})، أو اختر منطقة افتراضية في إعدادات الاستيراد.</translation>
    </message>
    <message>
        <source>No country uses this country code: check the digits after + (for example {egypt} for Egypt, {saudi} for Saudi Arabia).</source>
        <translation>لا توجد دولة تستخدم رمز الدولة هذا: تحقّق من الأرقام بعد + (مثل {egypt} لمصر و{saudi} للسعودية).</translation>
    </message>
    <message>
        <source>The number is too short for its country: check for missing digits.</source>
        <translation>الرقم أقصر مما تستخدمه دولته: تحقّق من وجود أرقام ناقصة.</translation>
    </message>
    <message>
        <source>The number is too long for its country: check for extra digits (a trailing 0 often comes from a spreadsheet number cell).</source>
        <translation>الرقم أطول مما تستخدمه دولته: تحقّق من وجود أرقام زائدة (كثيرًا ما يأتي صفر زائد في آخره من خلية رقمية في جدول بيانات).</translation>
    </message>
    <message>
        <source>This number does not exist in its country&apos;s numbering plan: check the digits and the country code.</source>
        <translation>هذا الرقم غير موجود في خطة الترقيم لدولته: تحقّق من الأرقام ورمز الدولة.</translation>
    </message>
    <message>
        <source>This is a landline or service number: WhatsApp messages need the customer&apos;s mobile number.</source>
        <translation>هذا رقم هاتف أرضي أو رقم خدمة: رسائل واتساب تحتاج إلى رقم جوال العميل.</translation>
    </message>
    <message>
        <source>Unknown phone region {region}: use a two-letter country code such as EG or SA, or leave it empty to require + and the country code on every number.</source>
        <translation>منطقة الهاتف {region} غير معروفة: استخدم رمز دولة من حرفين مثل EG أو SA، أو اتركها فارغة لاشتراط + ورمز الدولة في كل رقم.</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Estimated completion</source>
        <translation>الانتهاء المتوقع</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Each recipient on their own clock:</source>
        <translation>كل مستلم بتوقيته هو:</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) over {profiles}</source>
        <translation>
            <numerusform>لا مستلمين على {profiles}</numerusform>
            <numerusform>مستلم واحد على {profiles}</numerusform>
            <numerusform>مستلمان على {profiles}</numerusform>
            <numerusform>%n مستلمين على {profiles}</numerusform>
            <numerusform>%n مستلمًا على {profiles}</numerusform>
            <numerusform>%n مستلم على {profiles}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>0 حساب</numerusform>
            <numerusform>حساب واحد</numerusform>
            <numerusform>حسابين</numerusform>
            <numerusform>%n حسابات</numerusform>
            <numerusform>%n حسابًا</numerusform>
            <numerusform>%n حساب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation>
            <numerusform>لن يُتخطى أي صف.</numerusform>
            <numerusform>سيُتخطى صف واحد.</numerusform>
            <numerusform>سيُتخطى صفان.</numerusform>
            <numerusform>ستُتخطى %n صفوف.</numerusform>
            <numerusform>سيُتخطى %n صفًا.</numerusform>
            <numerusform>سيُتخطى %n صف.</numerusform>
        </translation>
    </message>
    <message>
        <source>{plan}; {skipped}</source>
        <translation>{plan}؛ {skipped}</translation>
    </message>
    <message>
        <source>{plan}.</source>
        <translation>{plan}.</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n recipient(s)</source>
        <translation>
            <numerusform>{name}: لا مستلمين</numerusform>
            <numerusform>{name}: مستلم واحد</numerusform>
            <numerusform>{name}: مستلمان</numerusform>
            <numerusform>{name}: %n مستلمين</numerusform>
            <numerusform>{name}: %n مستلمًا</numerusform>
            <numerusform>{name}: %n مستلم</numerusform>
        </translation>
    </message>
    <message>
        <source>Each recipient on their own clock ({shown} of {total} planned sends: the soonest, and the first in every zone):</source>
        <translation>كل مستلم بتوقيته هو ({shown} من {total} إرسال مخطط: الأقرب موعدًا، وأول إرسال في كل منطقة):</translation>
    </message>
    <message>
        <source>Estimated completion: {time}</source>
        <translation>الانتهاء المتوقع: {time}</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>لا يوجد ما يُرسل.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) cannot be planned: no profile can send.</source>
        <translation>
            <numerusform>لا مستلمين بلا خطة.</numerusform>
            <numerusform>تعذّر التخطيط لمستلم واحد: لا يوجد حساب يستطيع الإرسال.</numerusform>
            <numerusform>تعذّر التخطيط لمستلمَين: لا يوجد حساب يستطيع الإرسال.</numerusform>
            <numerusform>تعذّر التخطيط لـ %n مستلمين: لا يوجد حساب يستطيع الإرسال.</numerusform>
            <numerusform>تعذّر التخطيط لـ %n مستلمًا: لا يوجد حساب يستطيع الإرسال.</numerusform>
            <numerusform>تعذّر التخطيط لـ %n مستلم: لا يوجد حساب يستطيع الإرسال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients on their own clocks</source>
        <translation>المستلمون بتوقيتاتهم</translation>
    </message>
</context>
<context>
    <name>PoolBanner</name>
    <message>
        <source>Profile blocked</source>
        <translation>حُظر حساب</translation>
    </message>
    <message>
        <source>Sending slowed down</source>
        <translation>تم إبطاء الإرسال</translation>
    </message>
    <message>
        <source>Open Chat paused</source>
        <translation>الإرسال المفتوح متوقف مؤقتًا</translation>
    </message>
    <message>
        <source>Open Chat resumed</source>
        <translation>استُؤنف الإرسال المفتوح</translation>
    </message>
    <message>
        <source>Held recipients released</source>
        <translation>أُطلق المستلمون المحتجزون</translation>
    </message>
    <message>
        <source>Held recipients cancelled</source>
        <translation>أُلغي المستلمون المحتجزون</translation>
    </message>
    <message>
        <source>Warm-up stage changed</source>
        <translation>تغيّرت مرحلة التهيئة</translation>
    </message>
    <message>
        <source>Health band changed</source>
        <translation>تغيّرت فئة السلامة</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}٪</translation>
    </message>
    <message>
        <source>Open Chat of this package is paused after a second ban</source>
        <translation>الإرسال المفتوح لهذه الباقة متوقف مؤقتًا بعد حظر ثانٍ</translation>
    </message>
    <message>
        <source>Open Chat of this package is paused: two devices&apos; health fell too low</source>
        <translation>الإرسال المفتوح لهذه الباقة متوقف: انخفضت صحة جهازين أكثر من اللازم</translation>
    </message>
    <message>
        <source>Sending slowed to {percent} of normal after a ban</source>
        <translation>أُبطئ الإرسال إلى {percent} من المعتاد بعد حظر</translation>
    </message>
    <message>
        <source>Sending slowed to {percent} of normal: too many devices&apos; health is low</source>
        <translation>أُبطئ الإرسال إلى {percent} من المعتاد: صحة عدد كبير من الأجهزة منخفضة</translation>
    </message>
    <message>
        <source>Recipients are held after a ban</source>
        <translation>مستلمون محتجزون بعد حظر</translation>
    </message>
    <message>
        <source>Since {since}. It stays paused until you resume it with a note.</source>
        <translation>منذ {since}. يبقى متوقفًا حتى تستأنفه مع ملاحظة.</translation>
    </message>
    <message>
        <source>Every device&apos;s caps and pace at {percent} since {since}, until {until}.</source>
        <translation>حدود كل جهاز وسرعته عند {percent} منذ {since} حتى {until}.</translation>
    </message>
    <message>
        <source>{name} at {time}</source>
        <translation>{name} في {time}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Blocked: {names}.</source>
        <translation>محظور: {names}.</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>«{text}»</translation>
    </message>
    <message>
        <source> and </source>
        <translation> و</translation>
    </message>
    <message>
        <source>{names} had nothing in common that the app can see: different campaigns, texts and hours.</source>
        <translation>لا شيء مشترك بين {names} يمكن للتطبيق رؤيته: حملات ونصوص وساعات مختلفة.</translation>
    </message>
    <message>
        <source>the campaign {title}</source>
        <translation>الحملة {title}</translation>
    </message>
    <message>
        <source>the same text {text}</source>
        <translation>النص نفسه {text}</translation>
    </message>
    <message>
        <source>sending between {start} and {end}</source>
        <translation>الإرسال بين {start} و{end}</translation>
    </message>
    <message>
        <source>What {names} had in common: {parts}.</source>
        <translation>ما اشترك فيه {names}: {parts}.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Held after a device of this package was banned; release or cancel them from the banner above.</source>
        <translation>احتُجزت بعد حظر جهاز من هذه الباقة؛ أطلقها أو ألغها من الشريط أعلاه.</translation>
    </message>
    <message>
        <source>Held because {names} was banned, and Open Chat is paused; release or cancel them from the banner above.</source>
        <translation>احتُجزت لأن {names} حُظر، والإرسال المفتوح متوقف مؤقتًا؛ أطلقها أو ألغها من الشريط أعلاه.</translation>
    </message>
    <message>
        <source>Held because {names} was banned, and sending is slowed; release or cancel them from the banner above.</source>
        <translation>احتُجزت لأن {names} حُظر، والإرسال مُبطأ؛ أطلقها أو ألغها من الشريط أعلاه.</translation>
    </message>
    <message>
        <source>Pool of this package</source>
        <translation>مجموعة حسابات هذه الباقة</translation>
    </message>
    <message>
        <source>Pool state</source>
        <translation>حالة المجموعة</translation>
    </message>
    <message>
        <source>Since and until</source>
        <translation>منذ ومتى</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Blocked profiles</source>
        <translation>الحسابات المحظورة</translation>
    </message>
    <message>
        <source>Held recipients</source>
        <translation>المستلمون المحتجزون</translation>
    </message>
    <message>
        <source>What the blocked profiles had in common</source>
        <translation>ما اشتركت فيه الحسابات المحظورة</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>مراجعة… (&amp;V)</translation>
    </message>
    <message>
        <source>What happened to this package&apos;s pool, and when</source>
        <translation>ما حدث لمجموعة حسابات هذه الباقة ومتى</translation>
    </message>
    <message>
        <source>Re&amp;lease held…</source>
        <translation>إطلاق المحتجزين… (&amp;L)</translation>
    </message>
    <message>
        <source>Send the held recipients through the remaining profiles, at today&apos;s pace</source>
        <translation>أرسل إلى المستلمين المحتجزين عبر الحسابات المتبقية بسرعة اليوم</translation>
    </message>
    <message>
        <source>Cancel &amp;held…</source>
        <translation>إلغاء المحتجزين… (&amp;H)</translation>
    </message>
    <message>
        <source>The held recipients will not get the message</source>
        <translation>لن يتلقى المستلمون المحتجزون الرسالة</translation>
    </message>
    <message>
        <source>Res&amp;ume Open Chat…</source>
        <translation>استئناف الإرسال المفتوح… (&amp;U)</translation>
    </message>
    <message>
        <source>Resume the package&apos;s Open Chat, with a note</source>
        <translation>استأنف الإرسال المفتوح للباقة مع ملاحظة</translation>
    </message>
    <message>
        <source>No recipients are held.</source>
        <translation>لا يوجد مستلمون محتجزون.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) held: they go out only when you release them.</source>
        <translation>
            <numerusform>لا يوجد مستلمون محتجزون.</numerusform>
            <numerusform>مستلم واحد محتجز: لا يُرسل إليه إلا عندما تطلقه.</numerusform>
            <numerusform>مستلمان محتجزان: لا يُرسل إليهما إلا عندما تطلقهما.</numerusform>
            <numerusform>%n مستلمين محتجزون: لا يُرسل إليهم إلا عندما تطلقهم.</numerusform>
            <numerusform>%n مستلمًا محتجزًا: لا يُرسل إليهم إلا عندما تطلقهم.</numerusform>
            <numerusform>%n مستلم محتجز: لا يُرسل إليهم إلا عندما تطلقهم.</numerusform>
        </translation>
    </message>
    <message>
        <source>Release held recipients?</source>
        <translation>إطلاق المستلمين المحتجزين؟</translation>
    </message>
    <message>
        <source>Send the {count} held recipients on? They go out through the profiles that can send, at the pool&apos;s current pace, never through a blocked one.</source>
        <translation>هل تريد الإرسال إلى {count} من المستلمين المحتجزين؟ يُرسل إليهم عبر الحسابات القادرة على الإرسال بسرعة المجموعة الحالية، ولا يُرسل عبر حساب محظور أبدًا.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>إطلاق</translation>
    </message>
    <message>
        <source>Cancel held recipients?</source>
        <translation>إلغاء المستلمين المحتجزين؟</translation>
    </message>
    <message>
        <source>Cancel the {count} held recipients? They will not get the message. This cannot be undone.</source>
        <translation>هل تريد إلغاء {count} من المستلمين المحتجزين؟ لن يتلقوا الرسالة. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Cancel held</source>
        <translation>إلغاء المحتجزين</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) released: they go out through the other profiles.</source>
        <translation>
            <numerusform>لم يُطلق أي مستلم.</numerusform>
            <numerusform>أُطلق مستلم واحد: يُرسل إليه عبر الحسابات الأخرى.</numerusform>
            <numerusform>أُطلق مستلمان: يُرسل إليهما عبر الحسابات الأخرى.</numerusform>
            <numerusform>أُطلق %n مستلمين: يُرسل إليهم عبر الحسابات الأخرى.</numerusform>
            <numerusform>أُطلق %n مستلمًا: يُرسل إليهم عبر الحسابات الأخرى.</numerusform>
            <numerusform>أُطلق %n مستلم: يُرسل إليهم عبر الحسابات الأخرى.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held recipient(s) cancelled.</source>
        <translation>
            <numerusform>لم يُلغَ أي مستلم محتجز.</numerusform>
            <numerusform>أُلغي مستلم محتجز واحد.</numerusform>
            <numerusform>أُلغي مستلمان محتجزان.</numerusform>
            <numerusform>أُلغي %n مستلمين محتجزين.</numerusform>
            <numerusform>أُلغي %n مستلمًا محتجزًا.</numerusform>
            <numerusform>أُلغي %n مستلم محتجز.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Chat resumed. Your note is kept in the events.</source>
        <translation>استُؤنف الإرسال المفتوح. ملاحظتك محفوظة في الأحداث.</translation>
    </message>
</context>
<context>
    <name>PoolEventsDialog</name>
    <message>
        <source>Pool events</source>
        <translation>أحداث المجموعة</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>لماذا</translation>
    </message>
    <message>
        <source>Nothing has happened to this pool yet.</source>
        <translation>لم يحدث شيء لهذه المجموعة بعد.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Device UUID</source>
        <translation>معرّف الجهاز (UUID)</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>رمز API</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>الوزن</translation>
    </message>
    <message>
        <source>Daily limit</source>
        <translation>الحد اليومي</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>تعديل الحساب</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>إضافة حساب</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>اسم الحساب</translation>
    </message>
    <message>
        <source>e.g. Sales phone 1</source>
        <translation>مثال: هاتف المبيعات 1</translation>
    </message>
    <message>
        <source>The device&apos;s UUID, as shown in the Zentra dashboard</source>
        <translation>معرّف الجهاز (UUID) كما يظهر في لوحة تحكم Zentra</translation>
    </message>
    <message>
        <source>The x-api-token of the Zentra account this device is in</source>
        <translation>رمز x-api-token لحساب Zentra الذي يتبعه هذا الجهاز</translation>
    </message>
    <message>
        <source>Paste the API token from the Zentra dashboard</source>
        <translation>الصق رمز API من لوحة تحكم Zentra</translation>
    </message>
    <message>
        <source>Higher sends first in the priority distribution mode</source>
        <translation>الأعلى يرسل أولًا في التوزيع حسب الأولوية</translation>
    </message>
    <message>
        <source>Share of recipients in the weighted and smart modes</source>
        <translation>نصيبه من المستلمين في التوزيع حسب الوزن والتوزيع الذكي</translation>
    </message>
    <message>
        <source>This number&apos;s own cap per 24 hours; the package&apos;s daily cap applies too</source>
        <translation>الحد الخاص بهذا الرقم لكل 24 ساعة؛ ويسري الحد اليومي للباقة أيضًا</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>حالة الحساب</translation>
    </message>
    <message>
        <source>{status} (keep)</source>
        <translation>{status} (إبقاء)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>الاسم (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Device UUID:</source>
        <translation>معرّف الجهاز (&amp;D):</translation>
    </message>
    <message>
        <source>Leave empty to keep the current token.</source>
        <translation>اتركه فارغًا للإبقاء على الرمز الحالي.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>مطلوب.</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>رمز API (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>الأولوية (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>الوزن (&amp;W):</translation>
    </message>
    <message>
        <source>Daily &amp;limit:</source>
        <translation>الحد اليومي (&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>الحالة (&amp;S):</translation>
    </message>
    <message>
        <source>Your own number</source>
        <translation>رقمك الخاص</translation>
    </message>
    <message>
        <source>only if the gateway has no status check</source>
        <translation>فقط إذا لم تقدّم البوابة فحصًا للحالة</translation>
    </message>
    <message>
        <source>Where the gateway offers no status check, the test sends a message labelled as a connection test to this number</source>
        <translation>حين لا تقدّم البوابة فحصًا للحالة، يرسل الاختبار إلى هذا الرقم رسالة موسومة بأنها اختبار اتصال</translation>
    </message>
    <message>
        <source>Your n&amp;umber:</source>
        <translation>رقمك (&amp;U):</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>اختبار الاتصال (&amp;C)</translation>
    </message>
    <message>
        <source>Asks the gateway about this device with this token, before saving</source>
        <translation>يسأل البوابة عن هذا الجهاز بهذا الرمز، قبل الحفظ</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>نتيجة اختبار الاتصال</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>حفظ الحساب</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>إغلاق دون حفظ (Esc)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>جارٍ الاختبار…</translation>
    </message>
</context>
<context>
    <name>ProfileGauges</name>
    <message>
        <source>OK</source>
        <translation>سليم</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>معرّض للخطر</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>حرج</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>محظور</translation>
    </message>
    <message>
        <source>device disconnected</source>
        <translation>الجهاز غير متصل</translation>
    </message>
    <message>
        <source>gateway said banned</source>
        <translation>البوابة أفادت بالحظر</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>تجاوز حد المعدل</translation>
    </message>
    <message>
        <source>send rejected</source>
        <translation>رُفض الإرسال</translation>
    </message>
    <message>
        <source>ban evidence: another device reached its recipient</source>
        <translation>دليل حظر: جهاز آخر وصل إلى مستلمه</translation>
    </message>
    <message>
        <source>a customer opted out</source>
        <translation>عميل طلب إيقاف الرسائل</translation>
    </message>
    <message>
        <source>token refused or device unknown to the gateway</source>
        <translation>رُفض الرمز أو الجهاز غير معروف لدى البوابة</translation>
    </message>
    <message>
        <source>{reason} {points}</source>
        <translation>{reason} {points}</translation>
    </message>
    <message>
        <source>{reason} {points} ({time})</source>
        <translation>{reason} {points} ({time})</translation>
    </message>
    <message>
        <source>Health {score} of 100 · {band}</source>
        <translation>السلامة {score} من 100 · {band}</translation>
    </message>
    <message>
        <source>No deductions in the last 24 hours.</source>
        <translation>لا خصومات في آخر 24 ساعة.</translation>
    </message>
    <message>
        <source>Why: {reasons}</source>
        <translation>السبب: {reasons}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Warmed up: only the package&apos;s caps apply to new recipients.</source>
        <translation>مكتمل التهيئة: تنطبق حدود الباقة وحدها على المستلمين الجدد.</translation>
    </message>
    <message>
        <source>Warm-up stage {stage} · {count} new today</source>
        <translation>مرحلة التهيئة {stage} · {count} جديد اليوم</translation>
    </message>
    <message>
        <source>next stage after a day with at least {half} new and health OK</source>
        <translation>المرحلة التالية بعد يوم فيه {half} جديد على الأقل وسلامة جيدة</translation>
    </message>
    <message>
        <source>graduates tomorrow if health stays OK</source>
        <translation>تكتمل التهيئة غدًا إن بقيت السلامة جيدة</translation>
    </message>
    <message>
        <source>next stage tomorrow if health stays OK</source>
        <translation>المرحلة التالية غدًا إن بقيت السلامة جيدة</translation>
    </message>
    <message>
        <source>Unanswered budget: off for this package.</source>
        <translation>حد الرسائل بلا رد: معطّل لهذه الباقة.</translation>
    </message>
    <message>
        <source>Unanswered in 30 days: {used} of {cap}</source>
        <translation>بلا رد خلال 30 يومًا: {used} من {cap}</translation>
    </message>
    <message>
        <source>Caps and pace: normal.</source>
        <translation>الحدود والسرعة: عادية.</translation>
    </message>
    <message>
        <source>Caps and pace at {percent}: the package&apos;s devices are slowed, and its health is low.</source>
        <translation>الحدود والسرعة عند {percent}: أجهزة الباقة مُبطأة، وصحة هذا الحساب منخفضة.</translation>
    </message>
    <message>
        <source>Caps and pace at {percent}: the package&apos;s devices are slowed (see the banner).</source>
        <translation>الحدود والسرعة عند {percent}: أجهزة الباقة مُبطأة (انظر الشريط أعلاه).</translation>
    </message>
    <message>
        <source>Caps and pace at {percent}: health is below OK.</source>
        <translation>الحدود والسرعة عند {percent}: السلامة دون المستوى الجيد.</translation>
    </message>
    <message>
        <source>Protection of the selected profile</source>
        <translation>حماية الحساب المحدد</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>السلامة</translation>
    </message>
    <message>
        <source>Reasons behind the health score</source>
        <translation>أسباب درجة السلامة</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>التهيئة</translation>
    </message>
    <message>
        <source>Unanswered budget</source>
        <translation>حد الرسائل بلا رد</translation>
    </message>
    <message>
        <source>Caps and pace</source>
        <translation>الحدود والسرعة</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>إضافة حساب (&amp;A)…</translation>
    </message>
    <message>
        <source>Add a WhatsApp number to this package</source>
        <translation>أضف رقم واتساب إلى هذه الباقة</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>تعديل (&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected profile</source>
        <translation>عدّل الحساب المختار</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>حذف (&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected profile</source>
        <translation>احذف الحساب المختار</translation>
    </message>
    <message>
        <source>Ac&amp;tive on/off</source>
        <translation>تفعيل/إيقاف (&amp;T)</translation>
    </message>
    <message>
        <source>Set the selected profile active or inactive</source>
        <translation>فعّل الحساب المختار أو أوقفه</translation>
    </message>
    <message>
        <source>Create a package first</source>
        <translation>أنشئ باقة أولًا</translation>
    </message>
    <message>
        <source>Profiles belong to a package, which sets how fast and when they may send.</source>
        <translation>تنتمي الحسابات إلى باقة تحدد سرعة إرسالها ومواعيده.</translation>
    </message>
    <message>
        <source>Go to Packages</source>
        <translation>الذهاب إلى الباقات</translation>
    </message>
    <message>
        <source>No profiles in this package</source>
        <translation>لا توجد حسابات في هذه الباقة</translation>
    </message>
    <message>
        <source>A profile is one WhatsApp number connected to Zentra. Add its device UUID and API token to start sending through it.</source>
        <translation>الحساب رقم واتساب واحد متصل بـ Zentra. أضف معرّف جهازه ورمز API لتبدأ الإرسال من خلاله.</translation>
    </message>
    <message>
        <source>Add your first profile</source>
        <translation>أضف حسابك الأول</translation>
    </message>
    <message>
        <source>Set &amp;inactive</source>
        <translation>إيقاف (&amp;I)</translation>
    </message>
    <message>
        <source>Set ac&amp;tive</source>
        <translation>تفعيل (&amp;T)</translation>
    </message>
    <message>
        <source>Live limits are not updating: {error}</source>
        <translation>الحدود الحالية لا تتحدث: {error}</translation>
    </message>
    <message>
        <source>Delete the profile “{name}” and its stored token? Messages it sent stay in the log. This cannot be undone.</source>
        <translation>حذف الحساب «{name}» ورمزه المحفوظ؟ تبقى الرسائل التي أرسلها في السجل. لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>حذف الحساب</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>ProfilesTable</name>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غير نشط</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>محظور</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>Cooling down</source>
        <translation>في فترة التهدئة</translation>
    </message>
    <message>
        <source>Limit reached</source>
        <translation>بلغ الحد</translation>
    </message>
    <message>
        <source>Outside active hours</source>
        <translation>خارج ساعات العمل</translation>
    </message>
    <message>
        <source>Can send an Open Chat message now.</source>
        <translation>يمكنه إرسال رسالة إرسال مفتوح الآن.</translation>
    </message>
    <message>
        <source>Waiting: the pause between messages, or the device is paused.</source>
        <translation>في الانتظار: الفاصل بين الرسائل، أو أن الجهاز متوقف مؤقتًا.</translation>
    </message>
    <message>
        <source>The hourly or daily cap is used up; room frees as time passes.</source>
        <translation>استُنفد الحد في الساعة أو الحد اليومي؛ يتسع المجال مع مرور الوقت.</translation>
    </message>
    <message>
        <source>Outside the package&apos;s active hours.</source>
        <translation>خارج ساعات عمل الباقة.</translation>
    </message>
    <message>
        <source>Likely banned; select it to see why and how to bring it back.</source>
        <translation>محظور على الأرجح؛ اختره لمعرفة السبب وكيفية إعادته.</translation>
    </message>
    <message>
        <source>Set inactive: it sends nothing until set active again.</source>
        <translation>غير نشط: لا يرسل شيئًا حتى يُفعَّل من جديد.</translation>
    </message>
    <message>
        <source>OK: sends normally.</source>
        <translation>جيدة: يرسل بشكل طبيعي.</translation>
    </message>
    <message>
        <source>At risk: its caps and pace are halved until health recovers.</source>
        <translation>معرّض للخطر: حدوده وسرعته إلى النصف حتى تتعافى سلامته.</translation>
    </message>
    <message>
        <source>Critical: no Open Chat until health recovers.</source>
        <translation>حرجة: لا إرسال مفتوح حتى تتعافى سلامته.</translation>
    </message>
    <message>
        <source>Banned: out of rotation until you set it active again.</source>
        <translation>محظور: خارج التناوب حتى تعيد تفعيله.</translation>
    </message>
    <message>
        <source>{n}&#xa0;h</source>
        <translation>{n}&#xa0;س</translation>
    </message>
    <message>
        <source>{n}&#xa0;min</source>
        <translation>{n}&#xa0;د</translation>
    </message>
    <message>
        <source>{n}&#xa0;s</source>
        <translation>{n}&#xa0;ث</translation>
    </message>
    <message>
        <source>{used} of {cap} Open Chat messages in the last 60 minutes</source>
        <translation>{used} من {cap} رسالة إرسال مفتوح في آخر 60 دقيقة</translation>
    </message>
    <message>
        <source>{used} of {cap} Open Chat messages in the last 24 hours</source>
        <translation>{used} من {cap} رسالة إرسال مفتوح في آخر 24 ساعة</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>مكتمل التهيئة</translation>
    </message>
    <message>
        <source>Stage {stage} · {used}/{cap} new</source>
        <translation>المرحلة {stage} · {used}/{cap} جديد</translation>
    </message>
    <message>
        <source>Warmed up: only the package&apos;s caps apply to new recipients.</source>
        <translation>مكتمل التهيئة: تنطبق حدود الباقة وحدها على المستلمين الجدد.</translation>
    </message>
    <message>
        <source>Warm-up stage {stage}: {used} of {cap} new recipients in the last 24 hours. Next stage tomorrow if health stays OK and at least half is used.</source>
        <translation>مرحلة التهيئة {stage}: {used} من {cap} مستلمين جدد خلال آخر 24 ساعة. المرحلة التالية غدًا إذا بقيت السلامة جيدة واستُخدم النصف على الأقل.</translation>
    </message>
    <message>
        <source>Health {score} of 100</source>
        <translation>السلامة {score} من 100</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>متوقف</translation>
    </message>
</context>
<context>
    <name>QuietHours</name>
    <message>
        <source>write the quiet hours as {example} (quiet from {start} until {end})</source>
        <translation>اكتب ساعات الهدوء بالشكل {example} (هدوء من {start} حتى {end})</translation>
    </message>
    <message>
        <source>{value} is not a time range; {hint}</source>
        <translation>{value} ليس مدى زمنيًا؛ {hint}</translation>
    </message>
    <message>
        <source>{value} has a time that is not HH:MM; {hint}</source>
        <translation>في {value} وقت ليس بالشكل HH:MM؛ {hint}</translation>
    </message>
    <message>
        <source>{value} names a time zone; {hint}</source>
        <translation>{value} يذكر منطقة زمنية؛ {hint}</translation>
    </message>
    <message>
        <source>{value} leaves no time to send; {hint}</source>
        <translation>{value} لا يترك وقتًا للإرسال؛ {hint}</translation>
    </message>
</context>
<context>
    <name>QuietHoursField</name>
    <message>
        <source>&amp;Quiet on the customer&apos;s clock</source>
        <translation>الهدوء بتوقيت العميل (&amp;Q)</translation>
    </message>
    <message>
        <source>Quiet hours on</source>
        <translation>تشغيل ساعات الهدوء</translation>
    </message>
    <message>
        <source>Open Chat waits while it is night where the customer lives</source>
        <translation>ينتظر الإرسال المفتوح ما دام الوقت ليلًا حيث يعيش العميل</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>ساعات الهدوء</translation>
    </message>
    <message>
        <source>From when to when the customer is left alone, e.g. 21:00-09:00</source>
        <translation>من متى إلى متى لا يُزعج العميل، مثل 21:00-09:00</translation>
    </message>
    <message>
        <source>Off: Open Chat may reach customers at any hour of their night. Reply Chat answers at any hour either way.</source>
        <translation>متوقفة: قد يصل الإرسال المفتوح إلى العملاء في أي ساعة من ليلهم. أما الردود فتُرسل في أي ساعة في كل الأحوال.</translation>
    </message>
    <message>
        <source>Open Chat goes out only {opens}–{closes} on each customer&apos;s own clock (their zone comes from their number); Reply Chat answers at any hour.</source>
        <translation>يُرسل الإرسال المفتوح فقط من {opens} إلى {closes} بتوقيت كل عميل (تُعرف منطقته من رقمه)؛ أما الردود فتُرسل في أي ساعة.</translation>
    </message>
</context>
<context>
    <name>ReasonPanel</name>
    <message>
        <source>Why this profile is not sending</source>
        <translation>لماذا لا يرسل هذا الحساب</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Set active again</source>
        <translation>تفعيل من جديد</translation>
    </message>
    <message>
        <source>Clears the block or pause; do this once the cause above is fixed</source>
        <translation>يرفع الحظر أو الإيقاف؛ افعل ذلك بعد إصلاح السبب أعلاه</translation>
    </message>
    <message>
        <source>{name} is {status}</source>
        <translation>{name}: {status}</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Banned or expired: {detail} Spreader holds this device&apos;s queued recipients and slows the other devices. Check the number in WhatsApp and the subscription in Zentra; when it works again, set the profile active.</source>
        <translation>محظور أو منتهي الاشتراك: {detail} يحتجز Spreader المستلمين المنتظرين لهذا الجهاز ويُبطئ الأجهزة الأخرى. تحقّق من الرقم في واتساب ومن الاشتراك في Zentra؛ وعندما يعمل من جديد، اجعل الحساب نشطًا.</translation>
    </message>
    <message>
        <source>the gateway gave no reason</source>
        <translation>لم تذكر البوابة سببًا</translation>
    </message>
    <message>
        <source>The gateway says this device cannot send ({detail}). If it is disconnected, scan the QR code in the Zentra dashboard; Spreader tries it again in {minutes} minutes.</source>
        <translation>تقول البوابة إن هذا الجهاز لا يستطيع الإرسال ({detail}). إن كان غير متصل، فامسح رمز QR في لوحة تحكم Zentra؛ وسيجرّبه Spreader مرة أخرى بعد {minutes} دقيقة.</translation>
    </message>
    <message>
        <source>no detail</source>
        <translation>بلا تفاصيل</translation>
    </message>
    <message>
        <source>The gateway refused this device&apos;s token (HTTP {status}). Enter a valid token in the profile and set it active again.</source>
        <translation>رفضت البوابة رمز هذا الجهاز (⁦HTTP {status}⁩). أدخل رمزًا صالحًا في الحساب واجعله نشطًا من جديد.</translation>
    </message>
    <message>
        <source>Likely banned: {count} recipients this device failed were then delivered by another device. Check the number in WhatsApp; when it works again, set the profile active.</source>
        <translation>محظور على الأرجح: {count} من المستلمين فشل هذا الجهاز في الإرسال إليهم ثم وصلتهم الرسالة من جهاز آخر. تحقّق من الرقم في واتساب؛ وعندما يعمل من جديد، اجعل الحساب نشطًا.</translation>
    </message>
    <message>
        <source>set inactive by the owner</source>
        <translation>أوقفه المالك</translation>
    </message>
    <message>
        <source>Every device&apos;s caps and pace are halved for 24 hours: {reason}</source>
        <translation>خُفّضت حدود كل جهاز وسرعته إلى النصف لمدة 24 ساعة: {reason}</translation>
    </message>
    <message>
        <source>A second device was blocked within 24 hours; Open Chat waits for the owner to resume it. {reason}</source>
        <translation>حُظر جهاز ثانٍ خلال 24 ساعة؛ ينتظر الإرسال المفتوح أن يستأنفه المالك. {reason}</translation>
    </message>
    <message>
        <source>Resumed by the owner: {note}</source>
        <translation>استأنفه المالك: {note}</translation>
    </message>
    <message>
        <source>The owner released the held recipients.</source>
        <translation>أطلق المالك المستلمين المحتجزين.</translation>
    </message>
    <message>
        <source>The owner cancelled the held recipients.</source>
        <translation>ألغى المالك المستلمين المحتجزين.</translation>
    </message>
    <message>
        <source>Health {score}: {old} -&gt; {new}. Reasons: {reasons}</source>
        <translation>الصحة {score}: {old} ← {new}. الأسباب: {reasons}</translation>
    </message>
    <message>
        <source>A second device fell to critical health within 24 hours; Open Chat waits for the owner to resume it. {reason}</source>
        <translation>انخفضت صحة جهاز ثانٍ إلى الحد الحرج خلال 24 ساعة؛ ينتظر الإرسال المفتوح أن يستأنفه المالك. {reason}</translation>
    </message>
    <message>
        <source>{below} of {total} devices have health below OK: every device&apos;s caps and pace are halved until fewer do.</source>
        <translation>{below} من {total} أجهزة صحتها دون المستوى الجيد: تُخفَّض حدود كل جهاز وسرعته إلى النصف حتى يقل عددها.</translation>
    </message>
    <message>
        <source>{below} of {total} devices have health below OK now.</source>
        <translation>{below} من {total} أجهزة صحتها دون المستوى الجيد الآن.</translation>
    </message>
</context>
<context>
    <name>Receiving</name>
    <message>
        <source>No public address is set: enter the address that reaches this computer.</source>
        <translation>لم يُضبط عنوان عام: أدخل العنوان الذي يصل إلى هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Customers&apos; messages are not received: choose how they reach this computer.</source>
        <translation>لا تُستقبل رسائل العملاء: اختر طريقة وصولها إلى هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The tunnel is down: cloudflared is not installed.</source>
        <translation>النفق متوقف: cloudflared غير مثبّت.</translation>
    </message>
    <message>
        <source>The tunnel is down: it is not started.</source>
        <translation>النفق متوقف: لم يُشغَّل.</translation>
    </message>
    <message>
        <source>The tunnel is still starting; try again in a moment.</source>
        <translation>ما زال النفق يبدأ؛ حاول مرة أخرى بعد لحظة.</translation>
    </message>
    <message>
        <source>The tunnel is down: {detail}</source>
        <translation>النفق متوقف: {detail}</translation>
    </message>
</context>
<context>
    <name>ReceivingSection</name>
    <message>
        <source>Receive customers&apos; messages</source>
        <translation>استقبال رسائل العملاء</translation>
    </message>
    <message>
        <source>Zentra delivers customers&apos; messages to a web address. Without an address that Zentra can reach from the internet, the Inbox stays empty and Reply Chat cannot tell which device a customer wrote to. Choose how it reaches this computer:</source>
        <translation>توصل Zentra رسائل العملاء إلى عنوان ويب. ما لم يكن لهذا الحاسوب عنوان تصل إليه Zentra من الإنترنت، يبقى صندوق الوارد فارغًا ولا تعرف الردود أيّ جهاز راسله العميل. اختر كيف تصل الرسائل إلى هذا الحاسوب:</translation>
    </message>
    <message>
        <source>&amp;Off: messages are not received</source>
        <translation>إيقاف (&amp;O): لا تُستقبل الرسائل</translation>
    </message>
    <message>
        <source>T&amp;unnel (recommended on a desktop): Spreader starts a free Cloudflare tunnel</source>
        <translation>نفق (&amp;U)، موصى به على الحاسوب المكتبي: يشغّل Spreader نفق Cloudflare مجانيًا</translation>
    </message>
    <message>
        <source>&amp;My own address: a forwarded port, a server, a named tunnel, Tailscale Funnel</source>
        <translation>عنواني الخاص (&amp;M): منفذ مُمرَّر، أو خادم، أو نفق مسمّى، أو Tailscale Funnel</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>نتيجة الاختبار</translation>
    </message>
    <message>
        <source>The webhook answers on this computer only; Zentra cannot reach it.</source>
        <translation>لا يجيب عنوان الاستقبال إلا على هذا الحاسوب؛ لا تستطيع Zentra الوصول إليه.</translation>
    </message>
    <message>
        <source>Tunnel status</source>
        <translation>حالة النفق</translation>
    </message>
    <message>
        <source>Address changed</source>
        <translation>تغيّر العنوان</translation>
    </message>
    <message>
        <source>cloudflared is not installed. Three ways to receive messages:&lt;br&gt;1. &lt;b&gt;Install cloudflared&lt;/b&gt; (free, no account needed) from &lt;a href=&apos;https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/&apos;&gt;Cloudflare&apos;s download page&lt;/a&gt;, then choose it below or restart Spreader.&lt;br&gt;2. &lt;b&gt;Forward a port&lt;/b&gt; on your router to this computer, and use &quot;My own address&quot; with your public IP address or name.&lt;br&gt;3. &lt;b&gt;An address you already have&lt;/b&gt; (a named tunnel, a reverse proxy, Tailscale Funnel): use &quot;My own address&quot;.</source>
        <translation>cloudflared غير مثبّت. ثلاث طرق لاستقبال الرسائل:&lt;br&gt;1. &lt;b&gt;ثبّت cloudflared&lt;/b&gt; (مجاني، بلا حساب) من &lt;a href=&apos;https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/&apos;&gt;صفحة تنزيل Cloudflare&lt;/a&gt;، ثم اختره أدناه أو أعد تشغيل Spreader.&lt;br&gt;2. &lt;b&gt;مرّر منفذًا&lt;/b&gt; في الموجّه إلى هذا الحاسوب، واستخدم «عنواني الخاص» مع عنوان IP العام أو الاسم.&lt;br&gt;3. &lt;b&gt;عنوان لديك بالفعل&lt;/b&gt; (نفق مسمّى، أو وكيل عكسي، أو Tailscale Funnel): استخدم «عنواني الخاص».</translation>
    </message>
    <message>
        <source>found on PATH</source>
        <translation>يُبحث عنه في PATH</translation>
    </message>
    <message>
        <source>cloudflared program</source>
        <translation>برنامج cloudflared</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Choose the cloudflared program</source>
        <translation>اختر برنامج cloudflared</translation>
    </message>
    <message>
        <source>Restart tunnel</source>
        <translation>إعادة تشغيل النفق</translation>
    </message>
    <message>
        <source>Starts the tunnel (again) with this program</source>
        <translation>يشغّل النفق (من جديد) بهذا البرنامج</translation>
    </message>
    <message>
        <source>cloud&amp;flared:</source>
        <translation>cloud&amp;flared:</translation>
    </message>
    <message>
        <source>A quick tunnel gets a new address each time it starts (when Spreader starts, or after the tunnel had to restart): paste the new webhook URL into the Zentra dashboard then. The tunnel stops when Spreader quits.</source>
        <translation>يحصل النفق السريع على عنوان جديد في كل تشغيل (عند تشغيل Spreader، أو بعد أن يضطر النفق لإعادة التشغيل): الصق عندها عنوان الاستقبال الجديد في لوحة Zentra. يتوقف النفق عند إنهاء Spreader.</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>العنوان العام</translation>
    </message>
    <message>
        <source>The address that reaches this computer&apos;s Spreader from the internet</source>
        <translation>العنوان الذي يصل إلى Spreader على هذا الحاسوب من الإنترنت</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>الاستماع على</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only. 0.0.0.0: every network it is on.</source>
        <translation>127.0.0.1: هذا الحاسوب فقط. 0.0.0.0: كل شبكة متصل بها.</translation>
    </message>
    <message>
        <source>Warning: Spreader&apos;s server then accepts connections from the network. Every API call still needs the API key and the webhook its secret, but forward only this port, and only to this computer.</source>
        <translation>تحذير: يقبل خادم Spreader عندها اتصالات من الشبكة. ما زال كل طلب للواجهة البرمجية يحتاج مفتاحها وعنوان الاستقبال سرّه، لكن مرّر هذا المنفذ وحده، وإلى هذا الحاسوب وحده.</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <source>Apply own address</source>
        <translation>تطبيق العنوان الخاص</translation>
    </message>
    <message>
        <source>&amp;Public address:</source>
        <translation>العنوان العام (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>الاستماع على (&amp;L):</translation>
    </message>
    <message>
        <source>Public webhook URL</source>
        <translation>عنوان الاستقبال العام</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy public webhook URL</source>
        <translation>نسخ عنوان الاستقبال العام</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <source>Test the webhook</source>
        <translation>اختبار عنوان الاستقبال</translation>
    </message>
    <message>
        <source>Sends a probe through the public address and back to Spreader</source>
        <translation>يرسل رسالة فحص عبر العنوان العام ثم تعود إلى Spreader</translation>
    </message>
    <message>
        <source>Paste into &amp;Zentra:</source>
        <translation>الصقه في &amp;Zentra:</translation>
    </message>
    <message>
        <source>none: choose a way above</source>
        <translation>لا شيء: اختر طريقة أعلاه</translation>
    </message>
    <message>
        <source>enter your public address above</source>
        <translation>أدخل عنوانك العام أعلاه</translation>
    </message>
    <message>
        <source>appears when the tunnel runs</source>
        <translation>يظهر عند تشغيل النفق</translation>
    </message>
    <message>
        <source>Start tunnel</source>
        <translation>تشغيل النفق</translation>
    </message>
    <message>
        <source>The address changed: copy the new webhook URL below and paste it into the Zentra dashboard, or customers&apos; messages will not arrive.</source>
        <translation>تغيّر العنوان: انسخ عنوان الاستقبال الجديد أدناه والصقه في لوحة Zentra، وإلا فلن تصل رسائل العملاء.</translation>
    </message>
    <message>
        <source>Tunnel running at {address}.</source>
        <translation>النفق يعمل على {address}.</translation>
    </message>
    <message>
        <source>Starting the tunnel…</source>
        <translation>جارٍ تشغيل النفق…</translation>
    </message>
    <message>
        <source>The tunnel stopped: {reason} Starting again in {seconds} s.</source>
        <translation>توقف النفق: {reason} يُعاد تشغيله بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>cloudflared was not found.</source>
        <translation>لم يُعثر على cloudflared.</translation>
    </message>
    <message>
        <source>The tunnel is not running.</source>
        <translation>النفق لا يعمل.</translation>
    </message>
    <message>
        <source>Webhook URL copied: paste it into the Zentra dashboard.</source>
        <translation>نُسخ عنوان الاستقبال: الصقه في لوحة Zentra.</translation>
    </message>
    <message>
        <source>Sending a probe…</source>
        <translation>جارٍ إرسال رسالة الفحص…</translation>
    </message>
    <message>
        <source>Arrived: the probe went through {address} and back in {ms} ms.</source>
        <translation>وصلت: مرّت رسالة الفحص عبر {address} وعادت خلال {ms} مللي ثانية.</translation>
    </message>
    <message>
        <source>Not received: {why}</source>
        <translation>لم تصل: {why}</translation>
    </message>
</context>
<context>
    <name>RecipientClock</name>
    <message>
        <source>{time} tomorrow</source>
        <translation>{time} غدًا</translation>
    </message>
    <message>
        <source>Their number</source>
        <translation>من رقمه</translation>
    </message>
    <message>
        <source>Corrected country</source>
        <translation>تصحيح للبلد</translation>
    </message>
    <message>
        <source>Country default</source>
        <translation>افتراضي البلد</translation>
    </message>
    <message>
        <source>Package zone</source>
        <translation>منطقة الباقة</translation>
    </message>
    <message>
        <source>The zone of the number&apos;s area code (phone numbering data)</source>
        <translation>منطقة رمز المنطقة في الرقم (من بيانات ترقيم الهواتف)</translation>
    </message>
    <message>
        <source>Spreader&apos;s own zone for this country: the phone numbering data gets it wrong</source>
        <translation>منطقة يحددها Spreader لهذا البلد: بيانات ترقيم الهواتف تخطئ فيه</translation>
    </message>
    <message>
        <source>The country&apos;s numbers span many hours, so the country&apos;s default zone is used; change it under the package&apos;s country zones</source>
        <translation>أرقام هذا البلد تمتد على ساعات كثيرة، لذا تُستخدم المنطقة الافتراضية للبلد؛ غيّرها من مناطق البلدان في الباقة</translation>
    </message>
    <message>
        <source>No zone is known for this number: the package&apos;s own zone is used</source>
        <translation>لا تُعرف منطقة لهذا الرقم: تُستخدم منطقة الباقة</translation>
    </message>
    <message>
        <source>{time} (next day)</source>
        <translation>{time} (اليوم التالي)</translation>
    </message>
    <message>
        <source>{time} (previous day)</source>
        <translation>{time} (اليوم السابق)</translation>
    </message>
    <message>
        <source>{zone} and {count} more</source>
        <translation>{zone} و{count} غيرها</translation>
    </message>
</context>
<context>
    <name>RecipientZones</name>
    <message>
        <source>{country} is listed twice; keep one row per country</source>
        <translation>{country} مذكور مرتين؛ أبقِ صفًا واحدًا لكل بلد</translation>
    </message>
    <message>
        <source>{country} is not a two-letter country code such as RU</source>
        <translation>{country} ليس رمز بلد من حرفين مثل RU</translation>
    </message>
    <message>
        <source>{zone} (for {country}) is not a time zone name such as Asia/Yekaterinburg</source>
        <translation>{zone} (للبلد {country}) ليس اسم منطقة زمنية مثل Asia/Yekaterinburg</translation>
    </message>
</context>
<context>
    <name>Recipients</name>
    <message>
        <source>the workbook</source>
        <translation>المصنف</translation>
    </message>
    <message>
        <source>{name} has no sheet {sheet}; its sheets are: {sheets}.</source>
        <translation>لا توجد في {name} ورقة باسم {sheet}؛ أوراقه هي: {sheets}.</translation>
    </message>
    <message>
        <source>{name} is password-protected: remove the password in Excel or export it as CSV.</source>
        <translation>{name} محمي بكلمة مرور: أزل كلمة المرور في Excel أو صدّره بصيغة CSV.</translation>
    </message>
    <message>
        <source>Could not read {name} as a spreadsheet ({error}). Open it in Excel or LibreOffice and save it again, or export it as CSV.</source>
        <translation>تعذّرت قراءة {name} كجدول بيانات ({error}). افتحه في Excel أو LibreOffice واحفظه من جديد، أو صدّره بصيغة CSV.</translation>
    </message>
    <message>
        <source>Only the sheet {sheet} was read; also present: {others}.</source>
        <translation>قُرئت الورقة {sheet} وحدها؛ توجد أيضًا: {others}.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {suffix} is not a recipient list format. Use one of: {supported}.</source>
        <translation>لا يمكن قراءة {name}: {suffix} ليست صيغة لقائمة مستلمين. استخدم إحدى الصيغ: {supported}.</translation>
    </message>
    <message>
        <source>files without an extension</source>
        <translation>الملفات بلا امتداد</translation>
    </message>
    <message>
        <source>Could not open {path}: {error}.</source>
        <translation>تعذّر فتح {path}: {error}.</translation>
    </message>
    <message>
        <source>{name} is empty: choose a file with one phone number per line, or a table with a phone column.</source>
        <translation>{name} فارغ: اختر ملفًا فيه رقم هاتف واحد في كل سطر، أو جدولًا فيه عمود للهواتف.</translation>
    </message>
    <message>
        <source>{name} holds no recipients below its header row ({headers}): add one phone number per row.</source>
        <translation>لا يحوي {name} أي مستلمين تحت صف العناوين ({headers}): أضف رقم هاتف واحدًا في كل صف.</translation>
    </message>
    <message>
        <source>{name} holds no recipients: add one phone number per row.</source>
        <translation>لا يحوي {name} أي مستلمين: أضف رقم هاتف واحدًا في كل صف.</translation>
    </message>
    <message>
        <source>{rows} rows: lists above {limit} are slow to import and take days to send within the hourly limits. Consider splitting the list.</source>
        <translation>{rows} صف: القوائم التي تزيد على {limit} بطيئة الاستيراد ويستغرق إرسالها أيامًا ضمن الحدود لكل ساعة. فكّر في تقسيم القائمة.</translation>
    </message>
    <message>
        <source>Unknown text encoding {encoding} for {name}: pick one such as {utf8} or {arabic}.</source>
        <translation>ترميز النص {encoding} غير معروف للملف {name}: اختر ترميزًا مثل {utf8} أو {arabic}.</translation>
    </message>
    <message>
        <source>Row {row} does not exist: the table has {count} rows (0 to {last}).</source>
        <translation>الصف {row} غير موجود: في الجدول {count} صف (من 0 إلى {last}).</translation>
    </message>
    <message>
        <source>Column {column} does not exist: the table has {count} columns (0 to {last}).</source>
        <translation>العمود {column} غير موجود: في الجدول {count} عمود (من 0 إلى {last}).</translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <source>Valid</source>
        <translation>صالحة</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>غير صالحة</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>مكررة</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Paste &amp;numbers</source>
        <translation>لصق الأرقام (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import a file (CSV, TXT, XLSX)</source>
        <translation>استيراد ملف (CSV أو TXT أو XLSX) (&amp;I)</translation>
    </message>
    <message>
        <source>Pasted numbers</source>
        <translation>الأرقام الملصقة</translation>
    </message>
    <message>
        <source>One number per line, or separated by commas, e.g. +20 106 618 3456</source>
        <translation>رقم في كل سطر، أو مفصولة بفواصل، مثل ‎+20 106 618 3456‎</translation>
    </message>
    <message>
        <source>Default region</source>
        <translation>المنطقة الافتراضية</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Two-letter country code used for numbers written without + and a country code</source>
        <translation>رمز الدولة من حرفين، للأرقام المكتوبة دون + ورمز الدولة</translation>
    </message>
    <message>
        <source>Numbers without a country code (like 0106 618 3456) are read as numbers of this country. Leave it empty to accept only numbers with + and the country code.</source>
        <translation>الأرقام التي بلا رمز دولة (مثل 0106 618 3456) تُقرأ كأرقام من هذه الدولة. اتركه فارغًا لقبول الأرقام التي تبدأ بـ + ورمز الدولة فقط.</translation>
    </message>
    <message>
        <source>Opted out or suppressed in this package: never sent</source>
        <translation>ألغى الاشتراك أو موقوف في هذه الباقة: لا يُرسل إليه أبدًا</translation>
    </message>
    <message>
        <source>Sh&amp;ow rejected rows</source>
        <translation>عرض الصفوف المرفوضة (&amp;O)</translation>
    </message>
    <message>
        <source>Every row that will not be messaged, with the reason</source>
        <translation>كل صف لن تُرسل إليه رسالة، مع السبب</translation>
    </message>
    <message>
        <source>Export re&amp;jected…</source>
        <translation>تصدير المرفوض (&amp;J)…</translation>
    </message>
    <message>
        <source>Save the rejected rows and reasons as a CSV file</source>
        <translation>احفظ الصفوف المرفوضة وأسبابها في ملف CSV</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>الصفوف المرفوضة</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>المنطقة الافتراضية (&amp;R):</translation>
    </message>
    <message>
        <source>Choose the column that holds the phone numbers.</source>
        <translation>اختر العمود الذي يحتوي على أرقام الهواتف.</translation>
    </message>
    <message>
        <source>Paste the numbers or import a file first.</source>
        <translation>الصق الأرقام أو استورد ملفًا أولًا.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Invalid: {reasons}</source>
        <translation>غير صالحة: {reasons}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Checking numbers…</source>
        <translation>جارٍ فحص الأرقام…</translation>
    </message>
    <message>
        <source>Hide rejected rows ({count})</source>
        <translation>إخفاء الصفوف المرفوضة ({count})</translation>
    </message>
    <message>
        <source>Sh&amp;ow rejected rows ({count})</source>
        <translation>عرض الصفوف المرفوضة ({count}) (&amp;O)</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>تصدير الصفوف المرفوضة</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}.</source>
        <translation>تعذّر حفظ {path}: {error}.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to {file}.</source>
        <translation>
            <numerusform>لم يُحفظ أي صف في {file}.</numerusform>
            <numerusform>حُفظ صف واحد في {file}.</numerusform>
            <numerusform>حُفظ صفان في {file}.</numerusform>
            <numerusform>حُفظت %n صفوف في {file}.</numerusform>
            <numerusform>حُفظ %n صفًا في {file}.</numerusform>
            <numerusform>حُفظ %n صف في {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsTable</name>
    <message>
        <source>Same number as row {row} ({number}); sent once.</source>
        <translation>الرقم نفسه في الصف {row} ({number})؛ يُرسل مرة واحدة.</translation>
    </message>
    <message>
        <source>{number} opted out or is suppressed in this package; it is skipped.</source>
        <translation>الرقم {number} ألغى الاشتراك أو موقوف في هذه الباقة؛ سيتم تخطيه.</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <source>Scientific notation</source>
        <translation>صيغة علمية</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>ليس رقمًا</translation>
    </message>
    <message>
        <source>Missing country code</source>
        <translation>رمز الدولة ناقص</translation>
    </message>
    <message>
        <source>Invalid country code</source>
        <translation>رمز دولة غير صالح</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>قصير جدًا</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>طويل جدًا</translation>
    </message>
    <message>
        <source>Invalid number</source>
        <translation>رقم غير صالح</translation>
    </message>
    <message>
        <source>Not mobile</source>
        <translation>ليس رقم جوال</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>ألغى الاشتراك</translation>
    </message>
</context>
<context>
    <name>Replies</name>
    <message>
        <source>The reply</source>
        <translation>الرد</translation>
    </message>
    <message>
        <source>is not a valid WhatsApp number</source>
        <translation>ليس رقم واتساب صالحًا</translation>
    </message>
    <message>
        <source>Package {name} is {status}; activate it to reply.</source>
        <translation>الباقة {name} {status}؛ فعّلها لترد.</translation>
    </message>
    <message>
        <source>No profile of this package can send a reply: set a profile active or add one.</source>
        <translation>لا يستطيع أي حساب في هذه الباقة إرسال رد: اجعل حسابًا نشطًا أو أضف حسابًا.</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume Open Chat</source>
        <translation>استئناف الإرسال المفتوح</translation>
    </message>
    <message>
        <source>Two devices of this package were banned within a day. Before Open Chat goes on, write down what you checked or changed (the text, the recipients, the numbers). The note is kept in the pool&apos;s events.</source>
        <translation>حُظر جهازان من هذه الباقة خلال يوم واحد. قبل أن يستمر الإرسال المفتوح، اكتب ما فحصته أو غيّرته (النص، المستلمون، الأرقام). تُحفظ الملاحظة في أحداث المجموعة.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>What did you check or change?</source>
        <translation>ماذا فحصت أو غيّرت؟</translation>
    </message>
    <message>
        <source>&amp;Resume Open Chat</source>
        <translation>استئناف الإرسال المفتوح (&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>ملاحظة (مطلوبة): (&amp;N)</translation>
    </message>
    <message>
        <source>A note is required: say why Open Chat may go on, then resume again.</source>
        <translation>الملاحظة مطلوبة: اذكر سبب استمرار الإرسال المفتوح، ثم استأنف من جديد.</translation>
    </message>
</context>
<context>
    <name>RetryCounts</name>
    <message numerus="yes">
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first at once, then longer each time.</source>
        <translation>
            <numerusform>لا محاولات إضافية.</numerusform>
            <numerusform>محاولة إضافية واحدة بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: فورًا.</numerusform>
            <numerusform>حتى محاولتين إضافيتين بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى فورًا، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولات إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى فورًا، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولة إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى فورًا، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولة إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى فورًا، ثم بمهلة أطول في كل مرة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first after {delay}, then longer each time.</source>
        <translation>
            <numerusform>لا محاولات إضافية بعد {delay}.</numerusform>
            <numerusform>محاولة إضافية واحدة بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: بعد {delay}.</numerusform>
            <numerusform>حتى محاولتين إضافيتين بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى بعد {delay}، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولات إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى بعد {delay}، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولة إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى بعد {delay}، ثم بمهلة أطول في كل مرة.</numerusform>
            <numerusform>حتى %n محاولة إضافية بعد أخطاء الشبكة وانتهاء المهلة وردود الانشغال: الأولى بعد {delay}، ثم بمهلة أطول في كل مرة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SamplesPanel</name>
    <message>
        <source>What recipients will read</source>
        <translation>ما سيقرؤه المستلمون</translation>
    </message>
    <message>
        <source>S&amp;kip them</source>
        <translation>تخطيهم (&amp;K)</translation>
    </message>
    <message>
        <source>Send to the others; these rows end skipped</source>
        <translation>أرسل إلى الباقين، وتُتخطى هذه الصفوف</translation>
    </message>
    <message>
        <source>Fallback text</source>
        <translation>النص البديل</translation>
    </message>
    <message>
        <source>e.g. customer</source>
        <translation>مثلًا: عميلنا العزيز</translation>
    </message>
    <message>
        <source>&amp;Use this fallback</source>
        <translation>استخدام هذا النص البديل (&amp;U)</translation>
    </message>
    <message>
        <source>Write this text where a value is empty</source>
        <translation>اكتب هذا النص مكان كل قيمة فارغة</translation>
    </message>
    <message>
        <source>Recipients with an empty variable and no fallback: %1 (rows %2).</source>
        <translation>مستلمون لديهم متغير فارغ دون نص بديل: %1 (الصفوف %2).</translation>
    </message>
    <message>
        <source>They will be skipped.</source>
        <translation>سيتم تخطيهم.</translation>
    </message>
    <message>
        <source>Skip them, or give a fallback text:</source>
        <translation>تخطَّهم، أو أدخل نصًا بديلًا:</translation>
    </message>
    <message>
        <source>Recipients whose text would be over WhatsApp&apos;s limit: %1. They will be skipped.</source>
        <translation>مستلمون سيتجاوز نص رسالتهم حد الطول في واتساب: %1. سيتم تخطيهم.</translation>
    </message>
    <message>
        <source>first row</source>
        <translation>الصف الأول</translation>
    </message>
    <message>
        <source>longest text</source>
        <translation>أطول نص</translation>
    </message>
    <message>
        <source>empty value</source>
        <translation>قيمة فارغة</translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>تجاوز الحد</translation>
    </message>
    <message>
        <source>Row %1 · %2 (%3):</source>
        <translation>الصف %1 · %2 (%3):</translation>
    </message>
</context>
<context>
    <name>SaveTemplate</name>
    <message>
        <source>Save as template</source>
        <translation>حفظ كقالب</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>اسم القالب:</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>اسم القالب</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Saved as the template “{name}”.</source>
        <translation>تم الحفظ كقالب باسم «{name}».</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Type</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>نص الرسالة</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation>رابط الوسائط</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>ملف الوسائط</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Default region</source>
        <translation>المنطقة الافتراضية</translation>
    </message>
    <message>
        <source>Waiting strategy</source>
        <translation>أسلوب الانتظار</translation>
    </message>
    <message>
        <source>Drip interval</source>
        <translation>فاصل التنقيط</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>وقت البدء</translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation>لا توجد باقة بعد</translation>
    </message>
    <message>
        <source>Messages go out through the profiles of a package: create one, add a profile, then come back here.</source>
        <translation>تُرسل الرسائل عبر حسابات باقة: أنشئ باقة وأضف حسابًا، ثم عد إلى هنا.</translation>
    </message>
    <message>
        <source>Go to Packages</source>
        <translation>الذهاب إلى الباقات</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>إرسال رسالة</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>معاينة (&amp;V)</translation>
    </message>
    <message>
        <source>Check the recipients and plan the sending (Ctrl+Enter)</source>
        <translation>افحص المستلمين وخطّط للإرسال (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>إرسال (&amp;S)…</translation>
    </message>
    <message>
        <source>Send the previewed message (Ctrl+Shift+Enter)</source>
        <translation>أرسل الرسالة التي عاينتها (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Preview the plan, then send.</source>
        <translation>عاين الخطة ثم أرسل.</translation>
    </message>
    <message>
        <source>Skip the rows with an empty value, or give a fallback.</source>
        <translation>تخطَّ الصفوف ذات القيم الفارغة، أو أدخل نصًا بديلًا.</translation>
    </message>
    <message>
        <source>Check the plan, then send.</source>
        <translation>راجع الخطة ثم أرسل.</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>لا يوجد ما يُرسل.</translation>
    </message>
    <message numerus="yes">
        <source>Send this message to %n recipient(s) through {profiles}?</source>
        <translation>
            <numerusform>إرسال هذه الرسالة إلى 0 مستلم عبر {profiles}؟</numerusform>
            <numerusform>إرسال هذه الرسالة إلى مستلم واحد عبر {profiles}؟</numerusform>
            <numerusform>إرسال هذه الرسالة إلى مستلمَين عبر {profiles}؟</numerusform>
            <numerusform>إرسال هذه الرسالة إلى %n مستلمين عبر {profiles}؟</numerusform>
            <numerusform>إرسال هذه الرسالة إلى %n مستلمًا عبر {profiles}؟</numerusform>
            <numerusform>إرسال هذه الرسالة إلى %n مستلم عبر {profiles}؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>0 حساب</numerusform>
            <numerusform>حساب واحد</numerusform>
            <numerusform>حسابين</numerusform>
            <numerusform>%n حسابات</numerusform>
            <numerusform>%n حسابًا</numerusform>
            <numerusform>%n حساب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation>
            <numerusform>لن يُتخطى أي صف.</numerusform>
            <numerusform>سيُتخطى صف واحد.</numerusform>
            <numerusform>سيُتخطى صفان.</numerusform>
            <numerusform>ستُتخطى %n صفوف.</numerusform>
            <numerusform>سيُتخطى %n صفًا.</numerusform>
            <numerusform>سيُتخطى %n صف.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) with an empty variable will be skipped.</source>
        <translation>
            <numerusform>لن يُتخطى أي مستلم لديه متغير فارغ.</numerusform>
            <numerusform>سيُتخطى مستلم واحد لديه متغير فارغ.</numerusform>
            <numerusform>سيُتخطى مستلمان لديهما متغير فارغ.</numerusform>
            <numerusform>سيُتخطى %n مستلمين لديهم متغير فارغ.</numerusform>
            <numerusform>سيُتخطى %n مستلمًا لديهم متغير فارغ.</numerusform>
            <numerusform>سيُتخطى %n مستلم لديهم متغير فارغ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) whose text is over WhatsApp&apos;s limit will be skipped.</source>
        <translation>
            <numerusform>لن يُتخطى أي مستلم بسبب تجاوز نصه حد الطول في واتساب.</numerusform>
            <numerusform>سيُتخطى مستلم واحد يتجاوز نصه حد الطول في واتساب.</numerusform>
            <numerusform>سيُتخطى مستلمان يتجاوز نصهما حد الطول في واتساب.</numerusform>
            <numerusform>سيُتخطى %n مستلمين تتجاوز نصوصهم حد الطول في واتساب.</numerusform>
            <numerusform>سيُتخطى %n مستلمًا تتجاوز نصوصهم حد الطول في واتساب.</numerusform>
            <numerusform>سيُتخطى %n مستلم تتجاوز نصوصهم حد الطول في واتساب.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this message?</source>
        <translation>إرسال هذه الرسالة؟</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>The message changed: preview it again before sending.</source>
        <translation>تغيّرت الرسالة: عاينها مرة أخرى قبل الإرسال.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Say why Open Chat may go on: a note is required to resume.</source>
        <translation>اذكر لماذا يمكن أن يستمر الإرسال المفتوح: الملاحظة مطلوبة للاستئناف.</translation>
    </message>
    <message>
        <source>Open Chat of package {name} is not paused.</source>
        <translation>الإرسال المفتوح للباقة {name} ليس متوقفًا.</translation>
    </message>
    <message>
        <source>status is {status}; use &quot;active&quot; or &quot;inactive&quot;.</source>
        <translation>الحالة {status}؛ استخدم &quot;active&quot; أو &quot;inactive&quot;.</translation>
    </message>
    <message>
        <source>These settings are not part of receiving: {names}.</source>
        <translation>هذه الإعدادات ليست من إعدادات الاستقبال: {names}.</translation>
    </message>
    <message>
        <source>Package {name} is {status}; activate it to send.</source>
        <translation>الباقة {name} {status}؛ فعّلها لتُرسل.</translation>
    </message>
    <message>
        <source>None of the recipients can be messaged; see details for each one.</source>
        <translation>لا يمكن مراسلة أي من المستلمين؛ راجع التفاصيل لكل منهم.</translation>
    </message>
    <message>
        <source>{count} recipients have an empty variable and no fallback (rows {rows}); nothing was sent. Fill those values, write a fallback as {example}, set options.fallbacks, or set options.on_missing to &quot;skip&quot; to send to the others.</source>
        <translation>لدى {count} من المستلمين متغير فارغ بلا نص بديل (الصفوف {rows})؛ لم يُرسل شيء. املأ هذه القيم، أو اكتب نصًا بديلًا مثل {example}، أو اضبط options.fallbacks، أو اضبط options.on_missing على &quot;skip&quot; للإرسال إلى الباقين.</translation>
    </message>
    <message>
        <source>These settings cannot be changed here: {names}.</source>
        <translation>لا يمكن تغيير هذه الإعدادات هنا: {names}.</translation>
    </message>
    <message>
        <source>No template {template_id} in package {package_id}; list them with GET {path}.</source>
        <translation>لا يوجد القالب {template_id} في الباقة {package_id}؛ اعرض القوالب بـ GET {path}.</translation>
    </message>
    <message>
        <source>The package already has a template named {name}: choose another name, or change that template instead.</source>
        <translation>في الباقة قالب اسمه {name} من قبل: اختر اسمًا آخر، أو عدّل ذلك القالب بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>No package with id {package_id}.</source>
        <translation>لا توجد باقة بالمعرّف {package_id}.</translation>
    </message>
    <message>
        <source>No profile with id {profile_id}.</source>
        <translation>لا يوجد حساب بالمعرّف {profile_id}.</translation>
    </message>
    <message>
        <source>No message with id {message_id}.</source>
        <translation>لا توجد رسالة بالمعرّف {message_id}.</translation>
    </message>
    <message>
        <source>Device {device} is already a profile of this package ({profile}). Edit that profile instead of adding the device twice.</source>
        <translation>الجهاز {device} حساب في هذه الباقة من قبل ({profile}). عدّل ذلك الحساب بدلًا من إضافة الجهاز مرتين.</translation>
    </message>
    <message>
        <source>The package already has a template named {name}: choose another name.</source>
        <translation>في الباقة قالب اسمه {name} من قبل: اختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>Message {message_id} has already finished ({status}).</source>
        <translation>انتهت الرسالة {message_id} من قبل ({status}).</translation>
    </message>
    <message>
        <source>Message {message_id} cannot be paused or resumed now ({status}).</source>
        <translation>لا يمكن إيقاف الرسالة {message_id} مؤقتًا أو استئنافها الآن ({status}).</translation>
    </message>
    <message>
        <source>No profile {profile_id} in package {package_id}.</source>
        <translation>لا يوجد الحساب {profile_id} في الباقة {package_id}.</translation>
    </message>
    <message>
        <source>No message {message_id} in package {package_id}.</source>
        <translation>لا توجد الرسالة {message_id} في الباقة {package_id}.</translation>
    </message>
    <message>
        <source>No profile of this package can send: add a profile or set one active.</source>
        <translation>لا يستطيع أي حساب في هذه الباقة الإرسال: أضف حسابًا أو اجعل أحدها نشطًا.</translation>
    </message>
    <message>
        <source>No profile of this package can send: add a profile or set one active. ({reason})</source>
        <translation>لا يستطيع أي حساب في هذه الباقة الإرسال: أضف حسابًا أو اجعل أحدها نشطًا. ({reason})</translation>
    </message>
    <message>
        <source>active</source>
        <translation>نشطة</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>غير نشطة</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <source>Same number as row {row}; sent once.</source>
        <translation>الرقم نفسه في الصف {row}؛ يُرسل إليه مرة واحدة.</translation>
    </message>
    <message>
        <source>This number opted out or is suppressed in this package.</source>
        <translation>طلب صاحب هذا الرقم إيقاف الرسائل، أو الرقم محجوب في هذه الباقة.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>None: international numbers only</source>
        <translation>بلا: الأرقام الدولية فقط</translation>
    </message>
    <message>
        <source>Some changes apply after Spreader restarts: the language, or an address or port that is in use.</source>
        <translation>بعض التغييرات تسري بعد إعادة تشغيل Spreader: اللغة، أو عنوان أو منفذ مستخدَم.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>نتيجة الحفظ</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <source>Puts back the saved values</source>
        <translation>يعيد القيم المحفوظة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Saves the changed settings (Ctrl+S)</source>
        <translation>يحفظ الإعدادات المعدّلة (Ctrl+S)</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>أعد التشغيل الآن</translation>
    </message>
    <message>
        <source>Closes Spreader after the sends in progress finish and opens it again</source>
        <translation>يُغلق Spreader بعد اكتمال عمليات الإرسال الجارية ثم يفتحه من جديد</translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation>خطأ في {field}</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>واجهة API المحلية</translation>
    </message>
    <message>
        <source>Local API address</source>
        <translation>عنوان واجهة API المحلية</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>المضيف</translation>
    </message>
    <message>
        <source>127.0.0.1 accepts programs on this computer only; 0.0.0.0 accepts the network</source>
        <translation>العنوان 127.0.0.1 يقبل برامج هذا الكمبيوتر فقط؛ والعنوان 0.0.0.0 يقبل الشبكة</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>مفتاح API</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>إظهار مفتاح API</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copies the API key to the clipboard</source>
        <translation>ينسخ مفتاح API إلى الحافظة</translation>
    </message>
    <message>
        <source>Copy API key</source>
        <translation>نسخ مفتاح API</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>إعادة إنشاء…</translation>
    </message>
    <message>
        <source>Makes a new key; programs using the old one are refused</source>
        <translation>ينشئ مفتاحًا جديدًا؛ وتُرفض البرامج التي تستخدم القديم</translation>
    </message>
    <message>
        <source>Regenerate API key</source>
        <translation>إعادة إنشاء مفتاح API</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>العنوان (&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>المضيف (&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>المنفذ (&amp;P):</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>مفتاح API (&amp;K):</translation>
    </message>
    <message>
        <source>Programs send the key in the X-API-Key header or as a Bearer token.</source>
        <translation>ترسل البرامج المفتاح في الترويسة X-API-Key أو كرمز Bearer.</translation>
    </message>
    <message>
        <source>A new address, port or gateway URL applies at once.</source>
        <translation>العنوان أو المنفذ أو عنوان البوابة الجديد يسري فورًا.</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>رابط Webhook</translation>
    </message>
    <message>
        <source>Copies the webhook URL to the clipboard</source>
        <translation>ينسخ رابط Webhook إلى الحافظة</translation>
    </message>
    <message>
        <source>Copy webhook URL</source>
        <translation>نسخ رابط Webhook</translation>
    </message>
    <message>
        <source>New URL…</source>
        <translation>رابط جديد…</translation>
    </message>
    <message>
        <source>Makes a new secret URL; the old one stops working</source>
        <translation>ينشئ رابطًا سريًا جديدًا؛ ويتوقف القديم عن العمل</translation>
    </message>
    <message>
        <source>Regenerate webhook URL</source>
        <translation>إعادة إنشاء رابط Webhook</translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation>رابط Webhook (&amp;W):</translation>
    </message>
    <message>
        <source>This address answers on this computer only. The section below gives it an address Zentra can reach from the internet, to paste into the Zentra dashboard.</source>
        <translation>لا يجيب هذا العنوان إلا على هذا الحاسوب. يمنحه القسم أدناه عنوانًا تصل إليه Zentra من الإنترنت، لتلصقه في لوحة Zentra.</translation>
    </message>
    <message>
        <source>Sending and appearance</source>
        <translation>الإرسال والمظهر</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>منطقة الهاتف الافتراضية</translation>
    </message>
    <message>
        <source>Numbers written without + and a country code are read as numbers of this country. Empty: every number must be international.</source>
        <translation>الأرقام المكتوبة دون + ورمز الدولة تُقرأ كأرقام من هذه الدولة. إذا تُرك فارغًا: يجب أن يكون كل رقم دوليًا.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The language of the window; right to left for Arabic. Applies on restart.</source>
        <translation>لغة النافذة؛ من اليمين إلى اليسار للعربية. تسري بعد إعادة التشغيل.</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>رابط البوابة</translation>
    </message>
    <message>
        <source>The Zentra API base URL; change it only if Zentra says so</source>
        <translation>الرابط الأساسي لواجهة Zentra؛ لا تغيّره إلا إذا طلبت Zentra ذلك</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>مجلد البيانات</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>فتح المجلد</translation>
    </message>
    <message>
        <source>Shows the database, logs and settings file</source>
        <translation>يعرض قاعدة البيانات والسجلات وملف الإعدادات</translation>
    </message>
    <message>
        <source>Phone &amp;region:</source>
        <translation>منطقة الهاتف (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>المظهر (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة (&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation>رابط البوابة (&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>مجلد البيانات (&amp;D):</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>لم يُحفظ: صحّح الحقول المعلّمة بالأحمر.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <source>API key copied to the clipboard.</source>
        <translation>نُسخ مفتاح API إلى الحافظة.</translation>
    </message>
    <message>
        <source>Webhook URL copied: paste it into the Zentra dashboard.</source>
        <translation>نُسخ رابط Webhook: الصقه في لوحة تحكم Zentra.</translation>
    </message>
    <message>
        <source>Could not open {folder}; open it in your file manager.</source>
        <translation>تعذّر فتح {folder}؛ افتحه من مدير الملفات.</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>إعادة إنشاء</translation>
    </message>
    <message>
        <source>Regenerate the API key?</source>
        <translation>إعادة إنشاء مفتاح API؟</translation>
    </message>
    <message>
        <source>Programs using the old key will be refused from now on, until you give them the new one.</source>
        <translation>ستُرفض البرامج التي تستخدم المفتاح القديم من الآن، حتى تعطيها المفتاح الجديد.</translation>
    </message>
    <message>
        <source>New API key saved: give it to the programs that use Spreader.</source>
        <translation>حُفظ مفتاح API الجديد: أعطه للبرامج التي تستخدم Spreader.</translation>
    </message>
    <message>
        <source>Make a new webhook URL?</source>
        <translation>إنشاء رابط Webhook جديد؟</translation>
    </message>
    <message>
        <source>The current URL stops working at once: customers&apos; messages are not received until you paste the new URL into the Zentra dashboard.</source>
        <translation>يتوقف الرابط الحالي عن العمل فورًا: لن تُستقبل رسائل العملاء حتى تلصق الرابط الجديد في لوحة تحكم Zentra.</translation>
    </message>
    <message>
        <source>New webhook URL saved: paste it into the Zentra dashboard.</source>
        <translation>حُفظ رابط Webhook الجديد: الصقه في لوحة تحكم Zentra.</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>تم تجاهل التغييرات.</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>لا شيء للحفظ: لم يتغير أي إعداد.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>حدث خطأ ما: {error}</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>The text nests variations {depth} levels deep; at most {limit} are allowed. Flatten the innermost {group} groups.</source>
        <translation>يتداخل تنويع النص {depth} مستويات، والحد الأقصى {limit}. بسّط المجموعات {group} الداخلية.</translation>
    </message>
    <message>
        <source>nests spintax deeper than {limit} levels</source>
        <translation>يتداخل فيه التنويع أعمق من {limit} مستويات</translation>
    </message>
    <message>
        <source>The text has an empty variable {empty}: write the column name between the braces, e.g. {example}.</source>
        <translation>في النص متغير فارغ {empty}: اكتب اسم العمود بين الأقواس، مثل {example}.</translation>
    </message>
    <message>
        <source>has an empty variable {empty}</source>
        <translation>فيه متغير فارغ {empty}</translation>
    </message>
    <message>
        <source>none (plain numbers only)</source>
        <translation>لا شيء (أرقام فقط)</translation>
    </message>
    <message>
        <source>Unknown variable {names}: the recipient list has no such column. Its columns are: {columns}. Rename the variable, or import a list with that column.</source>
        <translation>متغير غير معروف {names}: ليس في قائمة المستلمين عمود بهذا الاسم. أعمدتها: {columns}. غيّر اسم المتغير، أو استورد قائمة فيها هذا العمود.</translation>
    </message>
    <message>
        <source>uses {variable}, which no recipient column fills</source>
        <translation>يستخدم {variable} ولا يملؤه أي عمود من أعمدة المستلمين</translation>
    </message>
</context>
<context>
    <name>TimingBox</name>
    <message>
        <source>Start now and send as fast as the package&apos;s limits allow.</source>
        <translation>ابدأ الآن وأرسل بأسرع ما تسمح به حدود الباقة.</translation>
    </message>
    <message>
        <source>Start after this package&apos;s earlier Open Chat work.</source>
        <translation>ابدأ بعد انتهاء الإرسال المفتوح السابق لهذه الباقة.</translation>
    </message>
    <message>
        <source>Send to one recipient every few minutes.</source>
        <translation>أرسل إلى مستلم واحد كل بضع دقائق.</translation>
    </message>
    <message>
        <source>Spread evenly over the remaining active hours, with human-like pauses.</source>
        <translation>وزّع الإرسال بالتساوي على ما تبقى من ساعات العمل، مع فواصل تشبه السلوك البشري.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>التوقيت</translation>
    </message>
    <message>
        <source>Waiting strategy</source>
        <translation>أسلوب الانتظار</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Drip interval</source>
        <translation>فاصل التنقيط</translation>
    </message>
    <message>
        <source>Minutes between two recipients (drip only)</source>
        <translation>الدقائق بين مستلمَين (للتنقيط فقط)</translation>
    </message>
    <message>
        <source>Start &amp;at:</source>
        <translation>البدء في (&amp;A):</translation>
    </message>
    <message>
        <source>Hold the campaign until this date and time, in the package&apos;s time zone</source>
        <translation>أوقف الحملة حتى هذا التاريخ والوقت، بتوقيت الباقة</translation>
    </message>
    <message>
        <source>{zone} time</source>
        <translation>توقيت {zone}</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>وقت البدء</translation>
    </message>
    <message>
        <source>Time zone of the start time</source>
        <translation>المنطقة الزمنية لوقت البدء</translation>
    </message>
    <message>
        <source>&amp;Waiting strategy:</source>
        <translation>أسلوب الانتظار (&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Drip interval:</source>
        <translation>فاصل التنقيط (&amp;D):</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Spreader</source>
        <translation>Spreader</translation>
    </message>
    <message>
        <source>No campaign running</source>
        <translation>لا توجد حملة جارية</translation>
    </message>
    <message>
        <source>Show Spreader</source>
        <translation>إظهار Spreader</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Campaign: {processed}/{total} processed, {failed} failed</source>
        <translation>الحملة: تمت معالجة {processed}/{total}، فشل {failed}</translation>
    </message>
    <message>
        <source>Spreader — {progress}</source>
        <translation>Spreader — {progress}</translation>
    </message>
    <message>
        <source>Campaign finished</source>
        <translation>انتهت الحملة</translation>
    </message>
    <message>
        <source>{sent} of {total} sent, {failed} failed ({status}).</source>
        <translation>أُرسلت {sent} من {total}، وفشلت {failed} ({status}).</translation>
    </message>
    <message>
        <source>Profile blocked</source>
        <translation>الحساب محظور</translation>
    </message>
    <message>
        <source>A device looks banned.</source>
        <translation>يبدو أن أحد الأجهزة محظور.</translation>
    </message>
    <message>
        <source>Device disconnected</source>
        <translation>انقطع اتصال الجهاز</translation>
    </message>
    <message>
        <source>A device cannot send right now.</source>
        <translation>أحد الأجهزة لا يستطيع الإرسال الآن.</translation>
    </message>
    <message>
        <source>Profile stopped</source>
        <translation>توقف الحساب</translation>
    </message>
    <message>
        <source>a customer</source>
        <translation>عميل</translation>
    </message>
    <message>
        <source>{sender} opted out</source>
        <translation>ألغى {sender} الاشتراك</translation>
    </message>
    <message>
        <source>Message from {sender}</source>
        <translation>رسالة من {sender}</translation>
    </message>
    <message>
        <source>Webhook address changed</source>
        <translation>تغيّر عنوان الاستقبال</translation>
    </message>
    <message>
        <source>Copy the new webhook URL from Settings and paste it into the Zentra dashboard, or customers&apos; messages will not arrive.</source>
        <translation>انسخ عنوان الاستقبال الجديد من الإعدادات والصقه في لوحة Zentra، وإلا فلن تصل رسائل العملاء.</translation>
    </message>
    <message>
        <source>Open Chat paused</source>
        <translation>الإرسال المفتوح متوقف مؤقتًا</translation>
    </message>
    <message>
        <source>{reason} Replies to customers still go out.</source>
        <translation>{reason} الردود على العملاء ما زالت تُرسل.</translation>
    </message>
    <message>
        <source>Sending slowed down</source>
        <translation>تم إبطاء الإرسال</translation>
    </message>
    <message>
        <source>{reason} The blocked device&apos;s recipients are held until you release them.</source>
        <translation>{reason} مستلمو الجهاز المحظور محتجزون حتى تطلقهم.</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>Use at least {minimum} characters (this one has {length}). Four or five unrelated words are easy to remember and hard to guess.</source>
        <translation>استخدم {minimum} حرفًا على الأقل (في هذه {length}). أربع أو خمس كلمات لا رابط بينها سهلة التذكر وصعبة التخمين.</translation>
    </message>
    <message>
        <source>Use more different characters: a few unrelated words are best.</source>
        <translation>استخدم حروفًا أكثر تنوعًا: الأفضل بضع كلمات لا رابط بينها.</translation>
    </message>
    <message>
        <source>Use words, not only digits: a phone number or a date is easy to guess.</source>
        <translation>استخدم كلمات لا أرقامًا فقط: رقم الهاتف أو التاريخ سهل التخمين.</translation>
    </message>
    <message>
        <source>That passphrase is not the one this vault was locked with.</source>
        <translation>ليست هذه عبارة المرور التي قُفلت بها هذه الخزنة.</translation>
    </message>
    <message>
        <source>The vault file {path} cannot be read ({error}). Restore it from a backup; without it the saved device tokens cannot be decrypted.</source>
        <translation>تعذّرت قراءة ملف الخزنة {path} ({error}). استعده من نسخة احتياطية؛ فبدونه لا يمكن فك تشفير رموز الأجهزة المحفوظة.</translation>
    </message>
    <message>
        <source>This data folder&apos;s vault is locked with a passphrase ({path}). Open the Spreader window to unlock it, or set {variable} to the passphrase for a start without a window.</source>
        <translation>خزنة مجلد البيانات هذا مقفلة بعبارة مرور ({path}). افتح نافذة Spreader لفتحها، أو اضبط {variable} على عبارة المرور للتشغيل دون نافذة.</translation>
    </message>
    <message>
        <source>No OS keyring was found (on Linux: GNOME Keyring or KWallet; Windows and macOS have one built in) and no vault key is configured, so device tokens cannot be encrypted. Open the Spreader window to protect them with a passphrase, or, for a start without a window, set {variable} to a key generated with {command} and keep it safe: tokens saved with it can only be read with the same value.</source>
        <translation>لم يُعثر على حلقة مفاتيح للنظام (على Linux:‏ GNOME Keyring أو KWallet؛ ولـ Windows وmacOS حلقة مدمجة) ولا مفتاح خزنة مضبوط، لذا لا يمكن تشفير رموز الأجهزة. افتح نافذة Spreader لحمايتها بعبارة مرور، أو للتشغيل دون نافذة اضبط {variable} على مفتاح تولّده بالأمر {command} واحفظه بأمان: الرموز المحفوظة به لا تُقرأ إلا بالقيمة نفسها.</translation>
    </message>
    <message>
        <source>OS keyring</source>
        <translation>حلقة مفاتيح النظام</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>environment variable {variable}</source>
        <translation>متغير البيئة {variable}</translation>
    </message>
    <message>
        <source>{variable} is too short: it is neither a Fernet key nor a passphrase of at least {minimum} characters (it has {length}). Generate a proper key with {command} and set {variable} to it.</source>
        <translation>{variable} قصير جدًا: ليس مفتاح Fernet ولا عبارة مرور من {minimum} حرفًا على الأقل (فيه {length}). ولّد مفتاحًا صالحًا بالأمر {command} واضبط {variable} عليه.</translation>
    </message>
    <message>
        <source>The OS keyring entry {service} / {username} does not hold a valid vault key. Restore the original entry, or delete it to start with a new key and re-enter the tokens of your profiles.</source>
        <translation>مدخل حلقة مفاتيح النظام {service} / {username} لا يحوي مفتاح خزنة صالحًا. استعد المدخل الأصلي، أو احذفه للبدء بمفتاح جديد ثم أعد إدخال رموز أجهزتك.</translation>
    </message>
    <message>
        <source>No vault key was found (tried {sources}).</source>
        <translation>لم يُعثر على مفتاح للخزنة (جُرّب: {sources}).</translation>
    </message>
    <message>
        <source>The token is empty: enter the device&apos;s API token from Zentra.</source>
        <translation>الرمز فارغ: أدخل رمز API للجهاز من Zentra.</translation>
    </message>
    <message>
        <source>There is no stored token to decrypt: re-enter the device&apos;s token.</source>
        <translation>لا يوجد رمز محفوظ لفك تشفيره: أعد إدخال رمز الجهاز.</translation>
    </message>
    <message>
        <source>A stored device token cannot be decrypted: it was encrypted with another key than the one from the {source}, or the stored value is damaged. Restore the key the tokens were saved with (the OS keyring entry or {variable} used then), or re-enter the tokens of your profiles.</source>
        <translation>تعذّر فك تشفير رمز جهاز محفوظ: شُفّر بمفتاح غير المفتاح الآتي من {source}، أو أن القيمة المحفوظة تالفة. استعد المفتاح الذي حُفظت به الرموز (مدخل حلقة مفاتيح النظام أو {variable} المستخدم حينها)، أو أعد إدخال رموز أجهزتك.</translation>
    </message>
    <message>
        <source>The {source} has no vault key, so device tokens cannot be encrypted or decrypted.</source>
        <translation>لا يحوي {source} مفتاحًا للخزنة، لذا لا يمكن تشفير رموز الأجهزة ولا فك تشفيرها.</translation>
    </message>
    <message>
        <source>The key from the {source} is not a valid Fernet key (urlsafe base64 of 32 bytes).</source>
        <translation>المفتاح الآتي من {source} ليس مفتاح Fernet صالحًا (urlsafe base64 من 32 بايت).</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>{count} quiet hours in {zone}</source>
        <translation>{count} ساعات الهدوء في {zone}</translation>
    </message>
    <message>
        <source>{count} outside active hours</source>
        <translation>{count} خارج ساعات العمل</translation>
    </message>
    <message>
        <source>{count} waiting for a device</source>
        <translation>{count} بانتظار جهاز</translation>
    </message>
    <message>
        <source>{count} held by the pool breaker</source>
        <translation>{count} أوقفها قاطع المجموعة</translation>
    </message>
    <message>
        <source>{count} daily caps</source>
        <translation>{count} حدود يومية</translation>
    </message>
    <message>
        <source>{count} hourly caps</source>
        <translation>{count} حدود الساعة</translation>
    </message>
    <message>
        <source>{count} warm-up limits</source>
        <translation>{count} حدود الإحماء</translation>
    </message>
    <message>
        <source>{count} unanswered budgets</source>
        <translation>{count} حصص الرسائل بلا رد</translation>
    </message>
    <message>
        <source>{count} in the devices&apos; queues</source>
        <translation>{count} في طوابير الأجهزة</translation>
    </message>
    <message>
        <source>{total} waiting: {reasons}</source>
        <translation>{total} بالانتظار: {reasons}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{count} hourly cap reached ({cap}/{cap})</source>
        <translation>{count} بلغ حد الساعة ({cap}/{cap})</translation>
    </message>
    <message>
        <source>{count} daily cap reached ({cap}/{cap})</source>
        <translation>{count} بلغ الحد اليومي ({cap}/{cap})</translation>
    </message>
    <message>
        <source>{count} warm-up limit reached ({cap} new a day)</source>
        <translation>{count} بلغ حد الإحماء ({cap} جديد في اليوم)</translation>
    </message>
    <message>
        <source>{count} unanswered budget used up</source>
        <translation>{count} استنفد حصة الرسائل بلا رد</translation>
    </message>
    <message>
        <source>{count} blocked</source>
        <translation>{count} محظور</translation>
    </message>
    <message>
        <source>{count} inactive</source>
        <translation>{count} غير نشط</translation>
    </message>
    <message>
        <source>{count} paused after device trouble</source>
        <translation>{count} متوقف بعد مشكلة في الجهاز</translation>
    </message>
    <message>
        <source>{count} hourly cap reached ({cap}/{cap} until {until})</source>
        <translation>{count} بلغ حد الساعة ({cap}/{cap} حتى {until})</translation>
    </message>
    <message>
        <source>{count} daily cap reached ({cap}/{cap} until {until})</source>
        <translation>{count} بلغ الحد اليومي ({cap}/{cap} حتى {until})</translation>
    </message>
    <message>
        <source>{count} held by {rule}</source>
        <translation>{count} أوقفته القاعدة {rule}</translation>
    </message>
    <message>
        <source>round robin</source>
        <translation>التناوب</translation>
    </message>
    <message>
        <source>sequential</source>
        <translation>الترتيب المتتابع</translation>
    </message>
    <message>
        <source>random choice</source>
        <translation>الاختيار العشوائي</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>الوزن</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>smart choice</source>
        <translation>الاختيار الذكي</translation>
    </message>
    <message>
        <source>its earlier conversation</source>
        <translation>محادثته السابقة</translation>
    </message>
    <message>
        <source>failover</source>
        <translation>النقل إلى جهاز بديل</translation>
    </message>
    <message>
        <source>release by the owner</source>
        <translation>إفراج المالك</translation>
    </message>
    <message>
        <source>quiet hours in {zone}</source>
        <translation>ساعات الهدوء في {zone}</translation>
    </message>
    <message>
        <source>the package&apos;s active hours</source>
        <translation>ساعات عمل الباقة</translation>
    </message>
    <message>
        <source>the device to be available</source>
        <translation>توفر الجهاز</translation>
    </message>
    <message>
        <source>the pool breaker</source>
        <translation>قاطع المجموعة</translation>
    </message>
    <message>
        <source>the daily cap</source>
        <translation>الحد اليومي</translation>
    </message>
    <message>
        <source>the hourly cap</source>
        <translation>حد الساعة</translation>
    </message>
    <message>
        <source>the warm-up limit</source>
        <translation>حد الإحماء</translation>
    </message>
    <message>
        <source>the unanswered budget</source>
        <translation>حصة الرسائل بلا رد</translation>
    </message>
    <message>
        <source>its cooldown</source>
        <translation>فترة التهدئة</translation>
    </message>
    <message>
        <source>{able} of {total} devices could send</source>
        <translation>{able} من {total} أجهزة كان بإمكانها الإرسال</translation>
    </message>
    <message>
        <source>{able} of {total} devices could send: {excluded}</source>
        <translation>{able} من {total} أجهزة كان بإمكانها الإرسال: {excluded}</translation>
    </message>
    <message>
        <source>{counts} → {device} by {rule}</source>
        <translation>{counts} ← {device} حسب {rule}</translation>
    </message>
    <message>
        <source>{chosen}; waits {duration} for {reasons}</source>
        <translation>{chosen}؛ ينتظر {duration} بسبب {reasons}</translation>
    </message>
    <message>
        <source>{chosen}; waits until {time} for {reasons}</source>
        <translation>{chosen}؛ ينتظر حتى {time} بسبب {reasons}</translation>
    </message>
    <message>
        <source>{chosen}; due now</source>
        <translation>{chosen}؛ مستحق الآن</translation>
    </message>
    <message>
        <source>Try {attempt} failed ({error}); retries at {time}</source>
        <translation>فشلت المحاولة {attempt} ({error})؛ إعادة المحاولة في {time}</translation>
    </message>
    <message>
        <source>Sent by {device} at {time}</source>
        <translation>أُرسلت من {device} في {time}</translation>
    </message>
    <message>
        <source>Being sent by {device}</source>
        <translation>قيد الإرسال من {device}</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>فشل: {error}</translation>
    </message>
    <message>
        <source>Skipped: {reason}</source>
        <translation>تم التخطي: {reason}</translation>
    </message>
    <message>
        <source>Cancelled before it was sent</source>
        <translation>أُلغيت قبل إرسالها</translation>
    </message>
    <message>
        <source>Held: its device was banned; release it to send</source>
        <translation>محجوزة: حُظر جهازها؛ أفرج عنها لإرسالها</translation>
    </message>
    <message>
        <source>Uncertain: the app stopped while this was being sent; check before sending again</source>
        <translation>غير مؤكدة: توقف التطبيق أثناء إرسالها؛ تحقق قبل الإرسال مرة أخرى</translation>
    </message>
    <message>
        <source>Planned for {device} at {time} (planned before records)</source>
        <translation>مخططة لـ {device} في {time} (خُططت قبل السجلات)</translation>
    </message>
    <message>
        <source>Waiting for a device that can send</source>
        <translation>بانتظار جهاز يمكنه الإرسال</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} ث</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} د</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} س {m} د</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} أيام</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>غدًا {time}</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>scheduled</source>
        <translation>مجدولة</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>متوقفة مؤقتًا</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>اكتملت</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>فشلت</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>أُلغيت</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>معلّقة</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>جارٍ الإرسال</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>تم تخطيها</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>غير مؤكدة</translation>
    </message>
    <message>
        <source>held</source>
        <translation>محتجزة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>صوت</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation>فوري</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Drip</source>
        <translation>بالتنقيط</translation>
    </message>
    <message>
        <source>Smart</source>
        <translation>ذكي</translation>
    </message>
    <message>
        <source>Open Chat</source>
        <translation>الإرسال المفتوح</translation>
    </message>
    <message>
        <source>Reply Chat</source>
        <translation>الردود</translation>
    </message>
</context>
<context>
    <name>ZoneDefaultsField</name>
    <message>
        <source>Country time zones</source>
        <translation>المناطق الزمنية للبلدان</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Type a two-letter country code and its zone; F2 or typing edits a cell</source>
        <translation>اكتب رمز البلد من حرفين ومنطقته؛ يُعدَّل الحقل بالضغط على F2 أو بالكتابة</translation>
    </message>
    <message>
        <source>Add c&amp;ountry</source>
        <translation>إضافة بلد (&amp;O)</translation>
    </message>
    <message>
        <source>Add a country zone</source>
        <translation>إضافة منطقة بلد</translation>
    </message>
    <message>
        <source>Add a row for a country and its zone</source>
        <translation>إضافة صف لبلد ومنطقته</translation>
    </message>
    <message>
        <source>Remo&amp;ve country</source>
        <translation>إزالة البلد (&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected country zone</source>
        <translation>إزالة منطقة البلد المحددة</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>إزالة الصف المحدد</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Customers in a country whose numbers span many hours get one zone for the whole country. Built in: {zones}. A row here adds a country or replaces its built-in zone.</source>
        <translation>العملاء في بلد تمتد أرقامه على ساعات كثيرة يأخذون منطقة واحدة للبلد كله. المضمَّنة: {zones}. الصف هنا يضيف بلدًا أو يستبدل منطقته المضمَّنة.</translation>
    </message>
</context>
</TS>

/**
 * Words of the demo registrations: shortcomings people really name in their self-criticism, and
 * concrete actions with a measurable result, by area. Each registration combines several of them
 * (with its own numbers), so honest registrations differ; copies are made on purpose elsewhere.
 */
export const SHORTCOMING_CLAUSES = [
  'đôi khi còn nể nang, ngại va chạm, chưa thẳng thắn góp ý đồng chí, đồng nghiệp',
  'việc tự học tập nâng cao trình độ lý luận chính trị chưa thường xuyên',
  'có lúc giải quyết công việc còn chậm, chưa đúng hạn',
  'chưa chủ động ứng dụng công nghệ thông tin trong công việc',
  'tác phong đôi khi chưa đúng giờ trong hội họp',
  'việc nắm tình hình tư tưởng của quần chúng nơi cư trú còn chưa sâu sát',
  'phát biểu ý kiến trong sinh hoạt chi bộ còn ít, chất lượng chưa cao',
  'có lúc còn nóng vội, thiếu kiên nhẫn khi tiếp xúc, giải thích cho người dân',
  'việc thực hành tiết kiệm trong sử dụng điện, nước, văn phòng phẩm nơi làm việc chưa tốt',
  'chưa dành nhiều thời gian tham gia các hoạt động ở khu dân cư',
  'việc đọc, nghiên cứu các tác phẩm của Bác còn ít',
  'đôi khi còn ngại khó, ngại khổ khi nhận nhiệm vụ mới',
  'tinh thần tự phê bình chưa cao, còn tìm lý do khách quan',
  'chưa sắp xếp công việc khoa học, còn để dồn việc cuối tháng',
  'việc tuyên truyền, vận động gia đình và người thân chấp hành chủ trương, pháp luật chưa thường xuyên',
  'đôi khi còn sử dụng mạng xã hội chưa chọn lọc, chưa kịp thời phản bác thông tin sai trái',
  'việc giữ gìn sức khỏe, rèn luyện thể dục thể thao chưa đều đặn',
  'tham gia đóng góp các quỹ xã hội, từ thiện ở địa phương chưa tích cực',
  'có lúc chưa lắng nghe ý kiến của cấp dưới và quần chúng',
  'kỹ năng soạn thảo văn bản, báo cáo còn hạn chế',
  'chưa thật sự gương mẫu trong việc phân loại rác thải tại gia đình',
  'đôi khi chưa chấp hành nghiêm giờ giấc làm việc',
  'việc hướng dẫn, giúp đỡ đảng viên trẻ, quần chúng ưu tú còn ít',
  'chưa tích cực tìm hiểu chính sách mới liên quan đến lĩnh vực phụ trách',
  'việc cập nhật kiến thức pháp luật về lĩnh vực được giao còn chậm',
  'có lúc còn giữ ý, ngại phản ánh những việc chưa đúng ở cơ quan',
  'việc giữ mối liên hệ với chi ủy nơi cư trú chưa thường xuyên',
  'sinh hoạt đoàn thể ở khu dân cư tham gia chưa đầy đủ',
] as const;

export type ActionTemplate = {
  area: 'thought' | 'ethics' | 'style';
  content: (n: number) => string;
  result: (n: number) => string;
  months: readonly number[];
};

export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
  {
    area: 'thought',
    content: () => 'Đọc và ghi chép tác phẩm "Sửa đổi lối làm việc" của Chủ tịch Hồ Chí Minh',
    result: (n) => `Ghi chép ít nhất ${n + 8} trang, trao đổi tại sinh hoạt chi bộ`,
    months: [6, 9],
  },
  {
    area: 'thought',
    content: () => 'Tự học các nghị quyết mới của Trung ương và của tỉnh',
    result: (n) => `Hoàn thành ${n + 2} bài thu hoạch, đạt yêu cầu`,
    months: [6, 12],
  },
  {
    area: 'thought',
    content: () => 'Chia sẻ bài viết đúng đắn, phản bác thông tin sai trái trên mạng xã hội',
    result: (n) => `Ít nhất ${n + 1} bài mỗi tháng trên trang cá nhân`,
    months: [12],
  },
  {
    area: 'thought',
    content: () => 'Tham gia đầy đủ các buổi học tập chuyên đề và sinh hoạt chi bộ định kỳ',
    result: () => '100% buổi sinh hoạt có mặt, vắng phải có lý do',
    months: [12],
  },
  {
    area: 'thought',
    content: () => 'Tìm hiểu và viết thu hoạch chuyên đề năm về học tập và làm theo Bác',
    result: (n) => `Bài thu hoạch ${n + 3} trang, nộp chi bộ đúng hạn`,
    months: [5, 6],
  },
  {
    area: 'thought',
    content: () => 'Tham gia cuộc thi tìm hiểu về Đảng và Bác Hồ do tỉnh tổ chức',
    result: () => 'Nộp bài dự thi đúng hạn',
    months: [8, 10],
  },
  {
    area: 'thought',
    content: () => 'Hướng dẫn con cháu trong gia đình đọc sách về Bác vào cuối tuần',
    result: (n) => `${n + 4} cuốn sách đọc cùng gia đình trong năm`,
    months: [12],
  },
  {
    area: 'thought',
    content: () => 'Học lớp bồi dưỡng lý luận chính trị theo kế hoạch của cơ quan',
    result: () => 'Hoàn thành khóa học, đạt loại khá trở lên',
    months: [9, 11],
  },
  {
    area: 'ethics',
    content: () => 'Thẳng thắn góp ý xây dựng đồng chí, đồng nghiệp trong mỗi kỳ sinh hoạt chi bộ',
    result: (n) => `Ít nhất ${n + 6} ý kiến góp ý có nội dung trong năm`,
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Thực hành tiết kiệm điện, nước, giấy in tại phòng làm việc',
    result: (n) => `Giảm ${n + 5}% chi phí văn phòng phẩm so với năm trước`,
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Thăm hỏi, giúp đỡ hộ nghèo, hộ có hoàn cảnh khó khăn trong thôn, khu phố',
    result: (n) => `Hỗ trợ ${n + 1} hộ, mỗi quý ít nhất một lần`,
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Đóng góp Quỹ Vì người nghèo và các quỹ xã hội của địa phương',
    result: () => 'Đóng góp đầy đủ, đúng hạn theo vận động',
    months: [10, 12],
  },
  {
    area: 'ethics',
    content: () => 'Không uống rượu bia trong giờ làm việc, khi tham gia giao thông',
    result: () => 'Không vi phạm trong cả năm',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Gương mẫu giữ gìn gia đình văn hóa, nhắc nhở người thân chấp hành pháp luật',
    result: () => 'Gia đình đạt danh hiệu gia đình văn hóa',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Tham gia hiến máu tình nguyện hoặc vận động người thân tham gia',
    result: (n) => `${(n % 2) + 1} lần trong năm`,
    months: [9, 12],
  },
  {
    area: 'ethics',
    content: () => 'Tự phê bình nghiêm túc, chỉ rõ nguyên nhân chủ quan khi kiểm điểm cuối năm',
    result: () => 'Bản kiểm điểm được chi bộ đánh giá nghiêm túc',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Không nhận quà biếu, không gây phiền hà khi giải quyết việc của người dân',
    result: () => 'Không có phản ánh, kiến nghị của người dân về bản thân',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Nhận giúp đỡ một quần chúng ưu tú phấn đấu vào Đảng',
    result: () => 'Quần chúng được cử đi học lớp nhận thức về Đảng',
    months: [9, 12],
  },
  {
    area: 'style',
    content: () => 'Đi làm đúng giờ, có mặt trước giờ họp chi bộ',
    result: () => 'Không đi muộn buổi nào trong năm',
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Giải quyết hồ sơ của người dân đúng hạn, trả lời rõ ràng',
    result: (n) => `${95 + (n % 5)}% hồ sơ đúng hạn, không có hồ sơ quá hạn do chủ quan`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Lập kế hoạch công việc tuần, tháng và báo cáo kết quả đúng hạn',
    result: (n) => `${n + 10} báo cáo tháng nộp đúng hạn`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến và ứng dụng định danh điện tử',
    result: (n) => `Hướng dẫn ít nhất ${n + 4} hộ gia đình`,
    months: [6, 9],
  },
  {
    area: 'style',
    content: () => 'Ứng dụng phần mềm quản lý văn bản, ký số trong xử lý công việc',
    result: () => '100% văn bản đi được ký số',
    months: [6, 12],
  },
  {
    area: 'style',
    content: () => 'Tham gia dọn vệ sinh môi trường khu dân cư ngày Chủ nhật xanh',
    result: (n) => `Tham gia ít nhất ${n + 6} buổi trong năm`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Gần gũi, lắng nghe ý kiến người dân tại các buổi họp thôn, tổ dân phố',
    result: (n) => `Dự ${n + 3} buổi họp dân, ghi nhận và chuyển ý kiến đúng nơi`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Tập thể dục buổi sáng, tham gia giải thể thao của cơ quan',
    result: () => 'Tập đều đặn ít nhất 4 buổi mỗi tuần',
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Nâng cao kỹ năng soạn thảo văn bản theo đúng thể thức',
    result: () => 'Không có văn bản bị trả lại vì sai thể thức',
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Thực hiện phân loại rác thải tại nguồn ở gia đình và vận động hàng xóm cùng làm',
    result: (n) => `Vận động thêm ${n + 2} hộ thực hiện`,
    months: [6, 12],
  },
  {
    area: 'style',
    content: () => 'Sắp xếp hồ sơ, tài liệu khoa học, số hóa hồ sơ lưu trữ của bộ phận',
    result: (n) => `Số hóa ${(n + 2) * 50} hồ sơ`,
    months: [9, 12],
  },
  {
    area: 'style',
    content: () => 'Giữ liên hệ với chi ủy, chi bộ nơi cư trú theo quy định',
    result: () => 'Có nhận xét tốt của chi ủy nơi cư trú cuối năm',
    months: [12],
  },
];

/** Commitments of a cell as a collective: what the cell as a whole will do this year. */
export const COLLECTIVE_ACTIONS: readonly ActionTemplate[] = [
  {
    area: 'thought',
    content: () => 'Duy trì sinh hoạt chuyên đề về học tập và làm theo Bác mỗi quý',
    result: () => '4 buổi sinh hoạt chuyên đề, 100% đảng viên tham dự hoặc học bù',
    months: [12],
  },
  {
    area: 'thought',
    content: () => 'Đưa nội dung làm theo Bác vào sinh hoạt chi bộ định kỳ hằng tháng',
    result: () => '12/12 kỳ sinh hoạt có nội dung làm theo',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Xây dựng và thực hiện mô hình "Dân vận khéo" của chi bộ',
    result: () => 'Mô hình được Đảng ủy công nhận',
    months: [11],
  },
  {
    area: 'ethics',
    content: () => 'Giúp đỡ hộ nghèo trong địa bàn thoát nghèo bền vững',
    result: (n) => `${n + 1} hộ thoát nghèo trong năm`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Công khai bản đăng ký làm theo của đảng viên tại nhà văn hóa và trên nhóm zalo của khu dân cư',
    result: () => 'Công khai 100% bản đăng ký đã thẩm định',
    months: [4],
  },
  {
    area: 'style',
    content: () => 'Vận động nhân dân hiến đất, góp công làm đường giao thông nông thôn',
    result: (n) => `Hoàn thành ${n + 1} tuyến đường bê tông`,
    months: [10],
  },
  {
    area: 'style',
    content: () => 'Giải quyết dứt điểm các kiến nghị của nhân dân thuộc thẩm quyền chi bộ',
    result: () => '100% kiến nghị được trả lời trong 15 ngày',
    months: [12],
  },
  { area: 'thought', content: () => 'Phấn đấu kết nạp đảng viên mới', result: (n) => `Kết nạp ${(n % 2) + 1} đảng viên`, months: [12] },
  {
    area: 'style',
    content: () => 'Tổ chức đối thoại giữa chi ủy với nhân dân về những vấn đề bức xúc ở khu dân cư',
    result: () => 'Hai buổi đối thoại, có biên bản và kết quả giải quyết',
    months: [6, 12],
  },
  {
    area: 'ethics',
    content: () => 'Xây dựng tủ sách Bác Hồ tại nhà sinh hoạt cộng đồng',
    result: (n) => `Tủ sách có ít nhất ${(n + 3) * 10} đầu sách, mở cửa cuối tuần`,
    months: [5, 9],
  },
  {
    area: 'style',
    content: () => 'Thực hiện chuyển đổi số trong quản lý đảng viên của chi bộ',
    result: () => 'Toàn bộ hồ sơ đảng viên được cập nhật trên phần mềm',
    months: [9],
  },
  {
    area: 'ethics',
    content: () => 'Vận động đoàn viên thanh niên tham gia giữ gìn an ninh trật tự, xây dựng tuyến đường tự quản',
    result: (n) => `${n + 1} tuyến đường tự quản sáng, xanh, sạch`,
    months: [8, 12],
  },
  {
    area: 'thought',
    content: () => 'Nêu gương người tốt việc tốt tại các kỳ sinh hoạt và trên loa truyền thanh thôn',
    result: (n) => `Biểu dương ${n + 4} tấm gương trong năm`,
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Cải tiến nội dung sinh hoạt chi bộ, mỗi kỳ thảo luận một việc cụ thể của địa phương',
    result: () => 'Chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên',
    months: [12],
  },
  {
    area: 'ethics',
    content: () => 'Phát động phong trào tiết kiệm, chống lãng phí trong tổ chức việc cưới, việc tang',
    result: () => '100% đám cưới, đám tang trên địa bàn thực hiện nếp sống văn minh',
    months: [12],
  },
  {
    area: 'style',
    content: () => 'Phối hợp với Mặt trận và đoàn thể giám sát việc thực hiện bản đăng ký của đảng viên',
    result: () => 'Mỗi quý một lần lấy ý kiến nhận xét của đoàn thể',
    months: [3, 6, 9, 12],
  },
];

export const RETURN_REASONS = [
  'Việc làm thứ hai chưa có kết quả đo được; đề nghị ghi rõ số lượng, thời hạn.',
  'Phần hạn chế, khuyết điểm còn chung chung, chưa gắn với nhiệm vụ được giao.',
  'Các việc làm chưa gắn với tiêu chí chuẩn mực đạo đức của chi bộ; đề nghị bổ sung.',
] as const;
